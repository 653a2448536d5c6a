import "server-only";
import { sql } from "drizzle-orm";
import { database } from "@/db";
import { llmUsageLog } from "@/db/schema";
import { atOrAfter } from "./event-window";

type ProviderStats = {
  total_requests: number;
  total_tokens: number;
  total_cost: number;
  avg_response_time: number;
  successful_requests: number;
  success_rate: number;
};
type AgentStats = { total_requests: number; total_cost: number; avg_response_time: number };

/** `get_llm_usage_stats(days)` of SPEC.md over calls at or after now − days × 24 h (naive times in DATA_TIMEZONE). */
// Grouping columns carry a unary `+` so SQLite serves the time range from idx_llm_usage_timestamp instead of
// walking all of idx_llm_usage_provider / idx_llm_usage_agent to group (a full scan at millions of rows).
export function getLlmUsageStats(days: number, now = Date.now()) {
  const { db } = database();
  const window = atOrAfter(llmUsageLog.timestamp, now - days * 86_400_000);
  const byProvider = db
    .select({
      provider: llmUsageLog.provider,
      total_requests: sql<number>`count(*)`,
      total_tokens: sql<number>`total(${llmUsageLog.tokensUsed})`,
      total_cost: sql<number>`total(${llmUsageLog.costUsd})`,
      avg_response_time: sql<number>`avg(${llmUsageLog.responseTimeMs})`,
      successful_requests: sql<number>`total(${llmUsageLog.success} = 1)`,
    })
    .from(llmUsageLog)
    .where(window)
    .groupBy(sql`+${llmUsageLog.provider}`)
    .all();
  const byAgent = db
    .select({
      agent: llmUsageLog.agentName,
      total_requests: sql<number>`count(*)`,
      total_cost: sql<number>`total(${llmUsageLog.costUsd})`,
      avg_response_time: sql<number>`avg(${llmUsageLog.responseTimeMs})`,
    })
    .from(llmUsageLog)
    .where(window)
    .groupBy(sql`+${llmUsageLog.agentName}`)
    .all();

  const provider_stats: Record<string, ProviderStats> = {};
  for (const { provider, ...row } of byProvider) {
    provider_stats[provider] = { ...row, success_rate: (row.successful_requests / row.total_requests) * 100 };
  }
  const agent_stats: Record<string, AgentStats> = {};
  for (const { agent, ...row } of byAgent) agent_stats[agent] = row;
  return { provider_stats, agent_stats, period_days: days };
}
