import { describe, expect, it } from "vitest";
import type { SystemMetric } from "@/db/schema";
import { metricsDays, metricsSeries } from "./system-metrics";

const day = (date: string, totalTrades: number): SystemMetric => ({
  id: Number(date.slice(-2)),
  date,
  totalTrades,
  winRate: totalTrades > 0 ? 60 : 0,
  totalPnl: totalTrades > 0 ? 1200 : 0,
  totalCostUsd: 3.5,
  avgDecisionTimeSeconds: totalTrades > 0 ? 42 : 0,
  agentEfficiencyScore: 0.7,
  modelDiversityIndex: 0.4,
  autoImprovements: 1,
  humanInterventions: 0,
  createdAt: null,
});

// As getSystemMetrics gives them: newest date first.
const ROWS = [day("2026-03-03", 4), day("2026-03-02", 0), day("2026-03-01", 2)];

describe("/system's daily metrics", () => {
  it("have no win rate or decision time on a day without trades (the trading system writes 0), and keep the rest", () => {
    const days = metricsDays(ROWS);
    expect(days.map((d) => [d.date, d.winRate, d.avgDecisionTimeSeconds])).toEqual([
      ["2026-03-03", 60, 42],
      ["2026-03-02", null, null],
      ["2026-03-01", 60, 42],
    ]);
    expect(days[1]).toMatchObject({ totalTrades: 0, totalPnl: 0, totalCostUsd: 3.5, agentEfficiencyScore: 0.7 });
  });

  it("chart oldest first, one row per day with a metrics row, the figures they chart only", () => {
    expect(metricsSeries(metricsDays(ROWS))).toEqual([
      { date: "2026-03-01", totalPnl: 1200, totalCostUsd: 3.5, winRate: 60, avgDecisionTimeSeconds: 42 },
      { date: "2026-03-02", totalPnl: 0, totalCostUsd: 3.5, winRate: null, avgDecisionTimeSeconds: null },
      { date: "2026-03-03", totalPnl: 1200, totalCostUsd: 3.5, winRate: 60, avgDecisionTimeSeconds: 42 },
    ]);
    expect(metricsSeries([])).toEqual([]);
  });
});
