import { byReadableInterval } from "@/lib/chart-buckets";

/** A calendar day's trades: the sum of 7-day PnL over those that have one, and how many do. */
export type TradeDayPnl = { day: string; pnl: number; withPnl: number };
/** A calendar day's LLM calls of one provider (cost in USD). */
export type ProviderDayCost = { date: string; provider: string; calls: number; cost: number };

/** A chart row: the day (or week), its PnL, and its LLM cost in all (`cost`) and per provider (`cost_<provider>`). */
export type OverviewRow = { date: string; pnl: number | null; cost: number | null } & Record<
  `cost_${string}`,
  number | null
>;

/**
 * The overview's chart rows for `days` (every calendar day of the period, oldest first): the 7-day PnL of the
 * trades made that day, and the day's LLM cost stacked by provider. A day without a trade that has a PnL is a gap;
 * so is a day on which the trading system logged no LLM call at all (it did not run, or its log misses the day:
 * nothing says it cost nothing). A provider unused on a day when others ran is 0, so the stack adds up. Past 100
 * days the rows are weeks (lib/chart-buckets.ts).
 */
export function overviewDailySeries(days: string[], trades: TradeDayPnl[], costs: ProviderDayCost[]) {
  const providers = [...new Set(costs.map((c) => c.provider))].sort();
  const pnl = new Map(trades.filter((t) => t.withPnl > 0).map((t) => [t.day, t.pnl]));
  const called = new Set(costs.filter((c) => c.calls > 0).map((c) => c.date));
  const rows = days.map((date) => {
    const cost = called.has(date) ? 0 : null;
    const row: OverviewRow = { date, pnl: pnl.get(date) ?? null, cost };
    for (const provider of providers) row[`cost_${provider}`] = cost;
    return row;
  });
  const byDate = new Map(rows.map((r) => [r.date, r]));
  for (const c of costs) {
    const row = byDate.get(c.date);
    if (!row || row.cost === null) continue;
    row[`cost_${c.provider}`]! += c.cost;
    row.cost += c.cost;
  }
  const sum = (pick: (r: OverviewRow) => number | null) => rows.reduce((total, r) => total + (pick(r) ?? 0), 0);
  return { providers, ...byReadableInterval(rows), totals: { pnl: sum((r) => r.pnl), cost: sum((r) => r.cost) } };
}
