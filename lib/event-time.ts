// Event times in the file: naive local `2025-09-19T14:23:11[.123456]`, the space form, `...Z`, `...+09:00`.
const EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/**
 * Milliseconds since the epoch for an event time; naive times are wall-clock times in `zone`. Fractions are cut
 * to the millisecond, not rounded, so comparing with a millisecond bound agrees with comparing the text.
 */
export function parseEventTime(text: string, zone: string): number | null {
  const m = EVENT_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "0", offset] = m;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, Number(frac.padEnd(3, "0").slice(0, 3)));
  if (Number.isNaN(wall)) return null;
  if (offset === "Z") return wall;
  if (offset) {
    const sign = offset.startsWith("-") ? -1 : 1;
    const digits = offset.slice(1).replace(":", "");
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return wallClockToInstant(wall, zone);
}

/** The instant whose wall clock in `zone` reads `wall` (given as if it were UTC); DST gaps resolve forward. */
export function wallClockToInstant(wall: number, zone: string): number {
  const first = wall - zoneOffsetMs(wall, zone);
  return wall - zoneOffsetMs(first, zone);
}

/**
 * How far `zone`'s wall clock is ahead of UTC at `instant`. Offsets change only on whole quarter hours, so each
 * zone's offset is remembered per quarter hour: formatting a date is far slower than the lookup.
 */
export function zoneOffsetMs(instant: number, zone: string): number {
  const quarter = Math.floor(instant / 900_000);
  const key = `${zone}\0${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = computeOffset(quarter * 900_000, zone);
    offsets.set(key, offset);
  }
  return offset;
}

const offsets = new Map<string, number>();

function computeOffset(instant: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** `YYYY-MM-DD` of `instant` on the wall calendar of `zone`. */
export function calendarDate(instant: number, zone: string): string {
  return new Date(instant + zoneOffsetMs(instant, zone)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first instant of calendar day `date` in `zone`: its midnight; where the clocks skip midnight (Santiago,
 * Havana) the moment they jump, and where midnight comes twice the first. A day the zone skipped altogether
 * (Samoa's 2011-12-30) starts where the next one does. Candidates are midnight read with the zone's offset on
 * either side of any change of clocks that night; the earliest that falls on `date` is the start.
 */
export function startOfDay(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const candidates = [
    wall - zoneOffsetMs(wall - DAY_MS, zone),
    wall - zoneOffsetMs(wall + DAY_MS, zone),
    wallClockToInstant(wall, zone),
  ];
  const onDate = candidates.filter((instant) => calendarDate(instant, zone) === date);
  return onDate.length > 0 ? Math.min(...onDate) : startOfDay(addDays(date, 1), zone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** `instant` as naive wall-clock text in `zone`, the way Python's datetime.now().isoformat() writes it. */
export function naiveIso(instant: number, zone: string, separator: "T" | " " = "T"): string {
  const iso = new Date(instant + zoneOffsetMs(instant, zone)).toISOString();
  const ms = ((instant % 1000) + 1000) % 1000;
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}${ms ? `.${String(ms * 1000).padStart(6, "0")}` : ""}`;
}
