import "server-only";
import { database } from "@/db";
import { byReadableInterval } from "@/lib/chart-buckets";
import { canonicalModel } from "@/lib/model-names";
import type { Period } from "@/lib/period";
import { periodDays } from "./calendar-window";
import { llmWindow } from "./llm-window";

export const COST_DIMENSIONS = { provider: "provider", model: "model", agent: "agent_name", request_type: "request_type" } as const;
export type CostDimension = keyof typeof COST_DIMENSIONS;

// Beyond this many groups the smallest are summed as "other", so a stacked chart stays readable.
const MAX_GROUPS = 7;

/**
 * LLM cost and tokens per calendar day of the period, one series per provider, canonical model, agent or request
 * type (the biggest seven by cost, the rest as "other"). Rows are keyed g0, g1… (names hold dots, which charts
 * would read as paths); `groups` names them in order.
 */
export function getCostSeries(period: Period, by: CostDimension) {
  const { config } = database();
  const raw = llmWindow(period)
    .dailyBy(COST_DIMENSIONS[by])
    .map((r) => ({ ...r, group: by === "model" ? canonicalModel(r.group) : r.group }));
  const totals = new Map<string, number>();
  for (const r of raw) totals.set(r.group, (totals.get(r.group) ?? 0) + r.cost);
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([group]) => group);
  const groups = ranked.length > MAX_GROUPS ? [...ranked.slice(0, MAX_GROUPS - 1), "other"] : ranked;
  const keyOf = (group: string) => `g${Math.min(ranked.indexOf(group), groups.length - 1)}`;

  const dates = periodDays(period, config.dataTimeZone);
  const empty = () => Object.fromEntries(groups.map((_, i) => [`g${i}`, 0])) as Record<string, number>;
  type Row = { date: string } & Record<string, number>;
  const cost = new Map(dates.map((date) => [date, { date, ...empty() } as Row]));
  const tokens = new Map(dates.map((date) => [date, { date, ...empty() } as Row]));
  for (const r of raw) {
    const c = cost.get(r.date) as Record<string, number> | undefined;
    const t = tokens.get(r.date) as Record<string, number> | undefined;
    if (!c || !t) continue;
    c[keyOf(r.group)]! += r.cost;
    t[keyOf(r.group)]! += r.tokens;
  }
  const costRows = byReadableInterval([...cost.values()]);
  return { groups, cost: costRows.rows, tokens: byReadableInterval([...tokens.values()]).rows, interval: costRows.interval };
}
