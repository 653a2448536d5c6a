import { DEFAULT_DAYS, type Period } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";

/** The overview's URL as Next hands it over. */
export type OverviewSearchParams = PeriodSearch;

/** The overview's URL state: its period, and what was wrong with the URL's when it could not be read. */
export type OverviewSearch = { period: Period; problem?: string };

// The overview opens on the last 30 days (DEFAULT_DAYS).
const OVERVIEW_DAYS = DEFAULT_DAYS;

/** The overview's URL state; a period it cannot read falls back to the default, said in `problem`. */
export function readOverviewSearch(search: OverviewSearchParams, clock: RequestClock): OverviewSearch {
  return readPeriod(search, clock, OVERVIEW_DAYS);
}
