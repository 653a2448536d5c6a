import { addDays, calendarDate, startOfDay } from "./event-time";
import type { RequestClock } from "./read-context";

/**
 * The period in a page's URL: `?days=N` (the named links below) or `?from=YYYY-MM-DD&to=YYYY-MM-DD`; the default is 30
 * days.
 */
export const PERIOD_LINKS = [
  { label: "24h", days: 1 },
  { label: "7d", days: 7 },
  { label: "30d", days: 30 },
  { label: "90d", days: 90 },
  { label: "1y", days: 365 },
] as const;

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 3650;

const DAY_MS = 86_400_000;

/**
 * A period resolved to what queries compare, whichever form the URL gave: event times in [startMs, endMs), and
 * date columns (system_metrics.date, agent_performance.period_end, compared as text) from `first` to `last`, both
 * calendar days in DATA_TIMEZONE. Made by `lastDays` or `calendarDays`.
 */
export type Period = {
  /** The URL's form of it, so links keep it. */
  search: { days: number } | { from: string; to: string };
  /** For display: a named link's label (`7d`), or `2026-11-01 – 2026-11-15`. */
  label: string;
  /** Its length in days: N, or the calendar days from `from` to `to`. */
  days: number;
  startMs: number;
  endMs: number;
  first: string;
  last: string;
  /**
   * `?days=N` has always meant "at or after now − N × 24 h": rows stamped after now (a clock ahead of this
   * server's, a zone set wrong) are listed and date columns dated after today kept, so lists and date columns
   * take no upper bound then. The aggregates' windows stop at `endMs` either way.
   */
  openEnd: boolean;
};

/** `?days=N`: event times at or after now − N × 24 h; date columns of the N calendar days ending today. */
export function lastDays(days: number, { now, zone }: RequestClock): Period {
  const today = calendarDate(now, zone);
  return {
    search: { days },
    label: PERIOD_LINKS.find((p) => p.days === days)?.label ?? `${days}d`,
    days,
    startMs: now - days * DAY_MS,
    endMs: now,
    first: addDays(today, 1 - days),
    last: today,
    openEnd: true,
  };
}

/**
 * `?from=…&to=…`: the calendar days from `from` to `to` in `zone`, both included: from its first midnight to the one
 * after `to`.
 */
export function calendarDays(from: string, to: string, zone: string): Period {
  return {
    search: { from, to },
    label: `${from} – ${to}`,
    days: Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1,
    startMs: startOfDay(from, zone),
    endMs: startOfDay(addDays(to, 1), zone),
    first: from,
    last: to,
    openEnd: false,
  };
}

/** The period of the same length just before, to compare with (never to link to): it ends where `period` starts. */
export function previousPeriod(period: Period, zone: string): Period {
  if ("from" in period.search)
    return calendarDays(addDays(period.first, -period.days), addDays(period.first, -1), zone);
  const startMs = period.startMs - period.days * DAY_MS;
  return {
    ...period,
    startMs,
    endMs: period.startMs,
    first: addDays(period.first, -period.days),
    last: addDays(period.first, -1),
    openEnd: false,
  };
}

/** The period's URL parameters, for links that keep it. */
export function periodParams(period: Period): Record<string, string> {
  return "from" in period.search
    ? { from: period.search.from, to: period.search.to }
    : { days: String(period.search.days) };
}

/**
 * The period as the catalogues' `common.period.*` messages word it (components/ui/period-text.ts): the last N
 * days, or calendar days from `from` to `to` (`days` of them).
 */
export type PeriodForm = { kind: "days"; days: number } | { kind: "range"; from: string; to: string; days: number };

export function periodForm(period: Period): PeriodForm {
  return "from" in period.search
    ? { kind: "range", from: period.search.from, to: period.search.to, days: period.days }
    : { kind: "days", days: period.days };
}

/** The period in a file name: `7d`, or `2026-11-01_2026-11-15`. */
export function periodTag(period: Period): string {
  return "from" in period.search ? `${period.search.from}_${period.search.to}` : `${period.days}d`;
}

/** An event at `instantMs` is in the period (`openEnd` says why a `?days=N` period takes later ones too). */
export function isWithin(period: Period, instantMs: number): boolean {
  return instantMs >= period.startMs && (period.openEnd || instantMs < period.endMs);
}
