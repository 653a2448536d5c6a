import { zoneOffsetMs } from "@/lib/event-time";

// Which aggregate keys a window [since, until) covers whole, and which partial ones must be read from raw rows.
// Keys are the local desk's (db/aggregates/llm-keys.ts): naive times by their wall-clock hour or day in the zone
// ('2026-12-01T09', '2026-12-01'), times with Z or an offset by their UTC hour or day ('U2026-12-01T00',
// 'U2026-12-01'). Each family is cut on its own clock, so a window from a local midnight is whole days of naive keys
// and, in Seoul, 15:00-to-15:00 UTC for the zoned ones.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Keys from `from` (included) to `to` (excluded), all of one length (a day's or an hour's). */
export type KeyRange = { from: string; to: string; length: number };
export type WindowKeys = { ranges: KeyRange[]; edges: string[] };

const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;
const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
const iso = (wall: number) => new Date(wall).toISOString();

/**
 * `grain: "hour"`: whole days from day keys, the whole hours around them from hour keys, and the hours the window's
 * ends fall inside as edges. `grain: "day"`: whole days only, and the days its ends fall inside as edges.
 */
export function windowKeys(since: number, until: number, zone: string, grain: "hour" | "day"): WindowKeys {
  const ranges: KeyRange[] = [];
  const edges = new Set<string>();
  for (const utc of [false, true]) {
    const prefix = utc ? "U" : "";
    const wall = (instant: number) => (utc ? instant : instant + zoneOffsetMs(instant, zone));
    const hour = (w: number) => prefix + iso(w).slice(0, 13);
    const day = (w: number) => prefix + iso(w).slice(0, 10);
    const [start, end] = [wall(since), wall(until)];
    const step = grain === "hour" ? HOUR_MS : DAY_MS;
    const key = grain === "hour" ? hour : day;
    // The partial units at the two ends (the first only when the window does not start on a boundary).
    edges.add(key(floorTo(end, step)));
    if (start % step !== 0) edges.add(key(floorTo(start, step)));
    const [first, last] = [ceilTo(start, step), floorTo(end, step)];
    if (first >= last) continue;
    if (grain === "day") {
      ranges.push({ from: day(first), to: day(last), length: prefix.length + 10 });
      continue;
    }
    const [firstDay, lastDay] = [ceilTo(first, DAY_MS), floorTo(last, DAY_MS)];
    if (firstDay >= lastDay) {
      ranges.push({ from: hour(first), to: hour(last), length: prefix.length + 13 });
      continue;
    }
    ranges.push({ from: day(firstDay), to: day(lastDay), length: prefix.length + 10 });
    if (first < firstDay) ranges.push({ from: hour(first), to: hour(firstDay), length: prefix.length + 13 });
    if (lastDay < last) ranges.push({ from: hour(lastDay), to: hour(last), length: prefix.length + 13 });
  }
  return { ranges, edges: [...edges] };
}
