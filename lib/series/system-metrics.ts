import type { SystemMetric } from "@/db/schema";

/** A day of system metrics as /system shows it: no win rate or decision time on a day without trades. */
export type MetricsDay = Omit<SystemMetric, "winRate" | "avgDecisionTimeSeconds"> & {
  winRate: number | null;
  avgDecisionTimeSeconds: number | null;
};

/** A chart row of /system's metrics: the day and the four figures it charts. */
export type MetricsRow = Pick<MetricsDay, "date" | "totalPnl" | "totalCostUsd" | "winRate" | "avgDecisionTimeSeconds">;

/**
 * The days' metrics, in the order given. A day without trades has no win rate or decision time: the trading
 * system writes 0 for them then, which would read (and chart) as a fall to zero; it is a gap instead.
 */
export function metricsDays(rows: SystemMetric[]): MetricsDay[] {
  return rows.map((row) => (row.totalTrades > 0 ? row : { ...row, winRate: null, avgDecisionTimeSeconds: null }));
}

/**
 * The chart rows of the metrics (newest first, as the query gives them), oldest first: one per day the trading
 * system wrote a metrics row for, as the table lists them.
 */
export function metricsSeries(days: MetricsDay[]): MetricsRow[] {
  return days
    .map(({ date, totalPnl, totalCostUsd, winRate, avgDecisionTimeSeconds }) => ({
      date,
      totalPnl,
      totalCostUsd,
      winRate,
      avgDecisionTimeSeconds,
    }))
    .reverse();
}
