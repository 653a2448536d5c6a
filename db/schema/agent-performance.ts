import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";

export const agentPerformance = sqliteTable(
  "agent_performance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agentName: text("agent_name").notNull(),
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    totalDecisions: integer("total_decisions").notNull(),
    successfulDecisions: integer("successful_decisions").notNull(),
    avgContributionScore: real("avg_contribution_score").notNull(),
    performanceRating: real("performance_rating").notNull(),
    wins: integer("wins").notNull(),
    losses: integer("losses").notNull(),
    totalPnlAttributed: real("total_pnl_attributed").notNull(),
    confidenceAccuracy: real("confidence_accuracy").notNull(),
    createdAt: text("created_at").default(sql`CURRENT_TIMESTAMP`),
  },
  (t) => [
    unique().on(t.agentName, t.periodStart, t.periodEnd),
    index("idx_agent_performance_agent").on(t.agentName),
    index("idx_agent_performance_period").on(t.periodStart, t.periodEnd),
  ],
);

export type AgentPerformance = typeof agentPerformance.$inferSelect;
