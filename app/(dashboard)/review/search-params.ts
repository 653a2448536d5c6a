import { lastDays, type Period } from "@/lib/period";
import type { RequestClock } from "@/lib/read-context";
import { REVIEW_RULE } from "@/lib/review-rule";
import { singleValue, type SearchValue } from "@/lib/search-value";

export type ReviewSearch = { min_trades?: SearchValue; threshold?: SearchValue };

/**
 * The review page's URL: `min_trades` (a whole number) and `threshold` (a number), each falling back to its default;
 * the period is always the last 30 days.
 */
export function readReviewSearch(
  search: ReviewSearch,
  clock: RequestClock,
): { period: Period; minTrades: number; threshold: number } {
  const [minTrades, threshold] = [singleValue(search.min_trades), singleValue(search.threshold)];
  return {
    period: lastDays(REVIEW_RULE.days, clock),
    minTrades: /^\d{1,6}$/.test(minTrades ?? "") ? Number(minTrades) : REVIEW_RULE.minTrades,
    threshold:
      threshold !== undefined && threshold.trim() !== "" && Number.isFinite(Number(threshold))
        ? Number(threshold)
        : REVIEW_RULE.threshold,
  };
}
