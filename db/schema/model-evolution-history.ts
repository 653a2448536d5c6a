import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { SWAP_TRIGGERS } from "./enums";

export const modelEvolutionHistory = sqliteTable(
  "model_evolution_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    timestamp: text("timestamp").notNull(),
    agentName: text("agent_name").notNull(),
    oldProvider: text("old_provider").notNull(),
    oldModel: text("old_model").notNull(),
    newProvider: text("new_provider").notNull(),
    newModel: text("new_model").notNull(),
    reason: text("reason").notNull(),
    performanceImprovement: real("performance_improvement").notNull(),
    triggeredBy: text("triggered_by", { enum: SWAP_TRIGGERS }).notNull(),
    validationPeriodDays: integer("validation_period_days").default(7),
    rollbackThreshold: real("rollback_threshold").default(-0.1),
    createdAt: text("created_at").default(sql`CURRENT_TIMESTAMP`),
  },
  (t) => [
    check("model_evolution_history_triggered_by", sql`${t.triggeredBy} IN ('automatic', 'manual', 'scheduled')`),
    index("idx_model_evolution_agent").on(t.agentName),
    index("idx_model_evolution_timestamp").on(t.timestamp),
  ],
);

export type ModelSwap = typeof modelEvolutionHistory.$inferSelect;
