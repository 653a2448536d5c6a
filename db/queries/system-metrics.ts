import "server-only";
import { desc, gte } from "drizzle-orm";
import { database } from "@/db";
import { systemMetrics } from "@/db/schema";
import { firstCalendarDay } from "./calendar-window";

/** `get_system_metrics(days)` of the trading system's Python code: the rows of the N calendar days ending today, newest date first. */
export function getSystemMetrics(days: number, now = Date.now()) {
  const { db, config } = database();
  return db
    .select()
    .from(systemMetrics)
    .where(gte(systemMetrics.date, firstCalendarDay(days, config.dataTimeZone, now)))
    .orderBy(desc(systemMetrics.date))
    .all()
    .map((row) => ({
      id: row.id,
      date: row.date,
      total_trades: row.totalTrades,
      win_rate: row.winRate,
      total_pnl: row.totalPnl,
      total_cost_usd: row.totalCostUsd,
      avg_decision_time_seconds: row.avgDecisionTimeSeconds,
      agent_efficiency_score: row.agentEfficiencyScore,
      model_diversity_index: row.modelDiversityIndex,
      auto_improvements: row.autoImprovements,
      human_interventions: row.humanInterventions,
      created_at: row.createdAt,
    }));
}
