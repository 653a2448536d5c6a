import { byReadableInterval } from "@/lib/chart-buckets";

/** What the costs page's charts can be grouped by. */
export const COST_DIMENSIONS = ["provider", "model", "agent", "request_type"] as const;
export type CostDimension = (typeof COST_DIMENSIONS)[number];

/** A calendar day's LLM calls of one group: a provider, model, agent or request type (cost in USD). */
export type GroupDayCost = { date: string; group: string; calls: number; tokens: number; cost: number };

/** A chart row: the day (or week) and one value per group, keyed g0, g1… in the order of `groups`. */
export type CostRow = { date: string } & Record<`g${number}`, number | null>;

// Beyond this many groups the smallest are summed as "other", so a stacked chart stays readable.
const MAX_GROUPS = 7;

/**
 * LLM cost and tokens for `days` (every calendar day of the period, oldest first), one series per group: the
 * biggest seven by cost, the rest summed as "other" (then `summed`: the last group is that sum, for pages to name in
 * the reader's language). Rows are keyed g0, g1… (names may hold any character); `groups`
 * names them in order. A day on which the trading system logged no call at all is a gap
 * (nothing says it cost nothing); a group unused on a day when others ran is 0, so the stack adds up. Past 100
 * days the rows are weeks (lib/chart-buckets.ts).
 */
export function costSeries(days: string[], costs: GroupDayCost[]) {
  const totals = new Map<string, number>();
  for (const c of costs) totals.set(c.group, (totals.get(c.group) ?? 0) + c.cost);
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).map(([group]) => group);
  const summed = ranked.length > MAX_GROUPS;
  const groups = summed ? [...ranked.slice(0, MAX_GROUPS - 1), "other"] : ranked;
  const keyOf = (group: string) => `g${Math.min(ranked.indexOf(group), groups.length - 1)}` as const;

  const called = new Set(costs.filter((c) => c.calls > 0).map((c) => c.date));
  const emptyRows = () =>
    new Map(
      days.map((date) => {
        const row: CostRow = { date };
        groups.forEach((_, i) => (row[`g${i}`] = called.has(date) ? 0 : null));
        return [date, row];
      }),
    );
  const [cost, tokens] = [emptyRows(), emptyRows()];
  for (const c of costs) {
    const [costRow, tokensRow] = [cost.get(c.date), tokens.get(c.date)];
    if (!costRow || !tokensRow || !called.has(c.date)) continue;
    costRow[keyOf(c.group)]! += c.cost;
    tokensRow[keyOf(c.group)]! += c.tokens;
  }
  const costRows = byReadableInterval([...cost.values()]);
  return {
    groups,
    summed,
    cost: costRows.rows,
    tokens: byReadableInterval([...tokens.values()]).rows,
    interval: costRows.interval,
  };
}
