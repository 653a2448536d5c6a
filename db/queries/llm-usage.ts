import "server-only";
import { rangeKeys, type Period } from "@/lib/period";
import { llmWindow } from "./llm-window";

type ProviderStats = {
  total_requests: number;
  total_tokens: number;
  total_cost: number;
  avg_response_time: number;
  successful_requests: number;
  success_rate: number;
};
type AgentStats = { total_requests: number; total_cost: number; avg_response_time: number };

/**
 * `get_llm_usage_stats(days)` of the trading system's Python code over the period's calls (naive times in
 * DATA_TIMEZONE); a from/to period adds `period_from` and `period_to`, and its days are `period_days`.
 */
export function getLlmUsageStats(period: Period) {
  const providers = new Map<string, { calls: number; tokens: number; cost: number; latency: number; successes: number }>();
  const agents = new Map<string, { calls: number; cost: number; latency: number }>();
  for (const g of llmWindow(period).groups()) {
    const p = providers.get(g.provider) ?? { calls: 0, tokens: 0, cost: 0, latency: 0, successes: 0 };
    p.calls += g.calls;
    p.tokens += g.tokens;
    p.cost += g.cost;
    p.latency += g.latency_sum;
    p.successes += g.successes;
    providers.set(g.provider, p);
    const a = agents.get(g.agent_name) ?? { calls: 0, cost: 0, latency: 0 };
    a.calls += g.calls;
    a.cost += g.cost;
    a.latency += g.latency_sum;
    agents.set(g.agent_name, a);
  }
  const provider_stats: Record<string, ProviderStats> = {};
  for (const [provider, p] of [...providers].sort()) {
    if (p.calls === 0) continue;
    provider_stats[provider] = {
      total_requests: p.calls,
      total_tokens: p.tokens,
      total_cost: p.cost,
      avg_response_time: p.latency / p.calls,
      successful_requests: p.successes,
      success_rate: (p.successes / p.calls) * 100,
    };
  }
  const agent_stats: Record<string, AgentStats> = {};
  for (const [agent, a] of [...agents].sort()) {
    if (a.calls > 0) agent_stats[agent] = { total_requests: a.calls, total_cost: a.cost, avg_response_time: a.latency / a.calls };
  }
  return { provider_stats, agent_stats, period_days: period.days, ...rangeKeys(period) };
}
