import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { boolean01 } from "./columns";
import { PROVIDERS } from "./enums";

export const llmUsageLog = sqliteTable(
  "llm_usage_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    timestamp: text("timestamp").notNull(),
    agentName: text("agent_name").notNull(),
    provider: text("provider", { enum: PROVIDERS }).notNull(),
    model: text("model").notNull(),
    tokensUsed: integer("tokens_used").notNull(),
    costUsd: real("cost_usd").notNull(),
    responseTimeMs: real("response_time_ms").notNull(),
    requestType: text("request_type").notNull(),
    success: boolean01("success").notNull(),
    errorMessage: text("error_message"),
    createdAt: text("created_at").default(sql`CURRENT_TIMESTAMP`),
  },
  (t) => [
    check("llm_usage_log_provider", sql`${t.provider} IN ('claude', 'gpt', 'gemini', 'perplexity')`),
    index("idx_llm_usage_agent").on(t.agentName),
    index("idx_llm_usage_provider").on(t.provider),
    index("idx_llm_usage_timestamp").on(t.timestamp),
  ],
);

export type LlmUsage = typeof llmUsageLog.$inferSelect;
