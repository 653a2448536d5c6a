import "server-only";
import { desc } from "drizzle-orm";
import { database } from "@/db";
import { systemMetrics } from "@/db/schema";
import type { Period } from "@/lib/period";
import { datedWithin } from "./calendar-window";

/** `get_system_metrics(days)` of the trading system's Python code: the rows of the period's calendar days, newest date first. */
export function getSystemMetrics(period: Period) {
  const { db } = database();
  return db
    .select()
    .from(systemMetrics)
    .where(datedWithin(systemMetrics.date, period))
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
