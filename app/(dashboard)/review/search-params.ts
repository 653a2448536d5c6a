import { lastDays, type Period } from "@/lib/period";
import type { RequestClock } from "@/lib/read-context";

/**
 * The review rule's defaults, the trading system's `get_underperforming_agents`: over the last 30 days, agents in
 * at least 10 trades whose efficiency score is under -0.1. The review page, /api/agents/underperforming and the
 * overview's agents to review all read them here.
 */
export const REVIEW_DEFAULTS = { days: 30, minTrades: 10, threshold: -0.1 } as const;

export type ReviewSearch = { min_trades?: string | string[]; threshold?: string | string[] };

/**
 * The review page's URL: `min_trades` (a whole number) and `threshold` (a number), each falling back to its default;
 * the period is always the last 30 days.
 */
export function readReviewSearch(
  search: ReviewSearch,
  clock: RequestClock,
): { period: Period; minTrades: number; threshold: number } {
  const [minTrades, threshold] = [first(search.min_trades), first(search.threshold)];
  return {
    period: lastDays(REVIEW_DEFAULTS.days, clock),
    minTrades: /^\d{1,6}$/.test(minTrades ?? "") ? Number(minTrades) : REVIEW_DEFAULTS.minTrades,
    threshold:
      threshold !== undefined && threshold.trim() !== "" && Number.isFinite(Number(threshold))
        ? Number(threshold)
        : REVIEW_DEFAULTS.threshold,
  };
}

// Of a repeated parameter the first counts, as pages read `days`.
function first(value: string | string[] | undefined): string | undefined {
  return [value ?? []].flat()[0];
}
