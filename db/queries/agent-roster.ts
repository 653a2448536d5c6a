import "server-only";
import { database } from "@/db";
import { loadAgentConfig } from "@/lib/agent-config";
import { getAgentContribution } from "./agent-contribution";
import { getAgentMapping } from "./agent-mapping";
import { getLlmUsageStats } from "./llm-usage";

/** One row per agent of the config roster and any agent seen in the data, for the leaderboard. */
export function getAgentRoster(days: number) {
  const { config } = database();
  const agentConfig = loadAgentConfig(config.agentConfigPath);
  const { agents: mapping } = getAgentMapping();
  const usage = getLlmUsageStats(days).agent_stats;
  const impact = getAgentContribution(days).agent_impact;
  const names = [...new Set([...Object.keys(agentConfig.agents), ...Object.keys(mapping), ...Object.keys(usage), ...Object.keys(impact)])];
  return names.map((name) => ({
    name,
    workflow: agentConfig.reflectionWorkflow.includes(name) ? "reflection" : agentConfig.agents[name] ? "trading" : "not in config",
    provider: mapping[name]?.provider ?? null,
    model: mapping[name]?.model ?? null,
    calls: usage[name]?.total_requests ?? 0,
    costUsd: usage[name]?.total_cost ?? 0,
    avgLatencyMs: usage[name]?.avg_response_time ?? null,
    tradesInvolved: impact[name]?.trades_involved ?? 0,
    efficiencyScore: impact[name]?.efficiency_score ?? null,
    avgConfidence: impact[name]?.avg_confidence ?? null,
  }));
}
