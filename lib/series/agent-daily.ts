import type { LlmWindow } from "@/db/aggregates/llm-window-reader";
import type { AgentTradeDay } from "@/db/aggregates/trade-fact-reader";
import type { AgentPerformance } from "@/db/schema";
import { canonicalModel } from "@/lib/model-names";

/** One agent's LLM cost of a day on one model (as the log names it). */
type CostDay = Pick<ReturnType<LlmWindow["agentDaily"]>[number], "date" | "model" | "calls" | "cost">;

export type AgentDayRow = { date: string } & Record<string, number | null>;

/**
 * The rows of an agent page's daily charts, one per day of the period: `score`, its contribution-weighted 7-day
 * PnL per trade; `rating`, the reflection loop's weekly rating, drawn at the end of its week; and `m0`, `m1`, … its
 * LLM cost on each of `models` (keyed by index: a model's name may hold any character). A day without a trade,
 * a rating or any call is a gap (null) in that chart, not a zero.
 */
export function agentDailySeries({
  days,
  trades,
  costs,
  ratings,
}: {
  days: string[];
  trades: AgentTradeDay[];
  costs: CostDay[];
  ratings: Pick<AgentPerformance, "periodEnd" | "performanceRating">[];
}) {
  const models = [...new Set(costs.map((c) => canonicalModel(c.model)))].sort();
  const tradesOn = new Map(trades.map((t) => [t.day, t]));
  const called = new Set(costs.filter((c) => c.calls > 0).map((c) => c.date));
  const rows = days.map((date) => {
    const t = tradesOn.get(date);
    const values: Record<string, number | null> = {
      score: t && t.trades > 0 ? t.weightedPnl / t.trades : null,
      rating: null,
    };
    models.forEach((_, i) => (values[`m${i}`] = called.has(date) ? 0 : null));
    return { date, ...values } as AgentDayRow;
  });
  const byDate = new Map(rows.map((r) => [r.date, r]));
  for (const c of costs) {
    const row = byDate.get(c.date);
    const key = `m${models.indexOf(canonicalModel(c.model))}`;
    if (row && called.has(c.date)) row[key] = (row[key] ?? 0) + c.cost;
  }
  for (const r of ratings) {
    const row = byDate.get(r.periodEnd);
    if (row) row.rating = r.performanceRating;
  }
  return { rows, models };
}
