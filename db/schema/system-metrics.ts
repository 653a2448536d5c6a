import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const systemMetrics = sqliteTable(
  "system_metrics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    date: text("date").notNull().unique(),
    totalTrades: integer("total_trades").notNull(),
    winRate: real("win_rate").notNull(),
    totalPnl: real("total_pnl").notNull(),
    totalCostUsd: real("total_cost_usd").notNull(),
    avgDecisionTimeSeconds: real("avg_decision_time_seconds").notNull(),
    agentEfficiencyScore: real("agent_efficiency_score").notNull(),
    modelDiversityIndex: real("model_diversity_index").notNull(),
    autoImprovements: integer("auto_improvements").notNull(),
    humanInterventions: integer("human_interventions").notNull(),
    createdAt: text("created_at").default(sql`CURRENT_TIMESTAMP`),
  },
  (t) => [index("idx_system_metrics_date").on(t.date)],
);

export type SystemMetric = typeof systemMetrics.$inferSelect;
