import { DEFAULT_DAYS, type Period } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";
import { COST_DIMENSIONS, type CostDimension } from "@/lib/series/costs";
import { singleValue, type SearchValue } from "@/lib/search-value";

/** The costs page's URL as Next hands it over. */
export type CostsSearchParams = PeriodSearch & { by?: SearchValue };

/** The costs page's URL state: its period (with what was wrong with the URL's), and what the charts are grouped by. */
export type CostsSearch = { period: Period; problem?: string; by: CostDimension };

// The costs page opens on the last 30 days, its charts grouped by provider.
const COSTS_DAYS = DEFAULT_DAYS;
export const COSTS_BY: CostDimension = "provider";

/**
 * The costs page's URL state; a period it cannot read falls back to the default, said in `problem`, and a grouping
 * it does not know (or a repeated one) to the default grouping.
 */
export function readCostsSearch(search: CostsSearchParams, clock: RequestClock): CostsSearch {
  const { period, problem } = readPeriod(search, clock, COSTS_DAYS);
  const by = COST_DIMENSIONS.find((d) => d === singleValue(search.by)) ?? COSTS_BY;
  return { period, problem, by };
}
