import type { Period } from "@/lib/period";
import { readPeriod } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";
import { singleValue, type SearchValue } from "@/lib/search-value";

/** The timeline's period filter: swaps of the last N days (or all, the default); named in `evolution.filters.days`. */
export const SWAP_PERIODS = [7, 30, 90, 365] as const;

/** The filters as the URL gives them, to show again in the filter form. */
export type SwapFilterValues = { agent?: string; trigger?: string; status?: string; days?: string };

export type EvolutionSearch = { [name: string]: SearchValue };

/**
 * The evolution page's URL: the timeline's filters (agent, trigger, status, and `days`, the last N days, read as
 * pages read `?days=N`; a period it cannot read filters nothing, as the filter has always done), and `swap`, the
 * agent the swap form opens on. `filtered` says whether the URL asks for anything at all.
 */
export function readEvolutionSearch(search: EvolutionSearch, clock: RequestClock) {
  const values: SwapFilterValues = {
    agent: singleValue(search.agent),
    trigger: singleValue(search.trigger),
    status: singleValue(search.status),
    days: singleValue(search.days),
  };
  const read = values.days ? readPeriod({ days: values.days }, clock) : null;
  const period: Period | undefined = read && !read.problem ? read.period : undefined;
  return {
    filters: {
      agent: values.agent || undefined,
      trigger: values.trigger || undefined,
      status: values.status || undefined,
      period,
    },
    values,
    swap: singleValue(search.swap),
    /** The model the swap form opens on (`model`), as a model history's row links to it. */
    swapModel: singleValue(search.model),
    filtered: Object.values(search).some(Boolean),
  };
}
