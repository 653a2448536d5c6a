import { DEFAULT_DAYS, type Period } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";

/** /system's URL as Next hands it over. */
export type SystemSearchParams = PeriodSearch;

/** /system's URL state: the period of its daily metrics. */
export type SystemSearch = { period: Period; problem?: string };

// The daily metrics open on the last 30 days (DEFAULT_DAYS).
const SYSTEM_DAYS = DEFAULT_DAYS;

/** /system's URL state; a period it cannot read falls back to the default, said in `problem`. */
export function readSystemSearch(search: SystemSearchParams, clock: RequestClock): SystemSearch {
  return readPeriod(search, clock, SYSTEM_DAYS);
}
