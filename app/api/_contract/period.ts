import type { Period } from "@/lib/period";

/** The trading system's own defaults for `days` when a request gives none: LLM usage 7, everything else 30. */
export const API_DAYS = { llm: 7, other: 30 } as const;

/**
 * The API's extra keys for a from/to period (`period_from`, `period_to`); none for `days`: its answers keep their
 * shape.
 */
export function rangeKeys(period: Period): { period_from?: string; period_to?: string } {
  return "from" in period.search ? { period_from: period.search.from, period_to: period.search.to } : {};
}
