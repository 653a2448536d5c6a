import "server-only";
import type { ReadContext } from "@/lib/read-context";
import { llmWindow } from "./open-llm-window";

/** One provider's calls over the period (costs in USD, latencies in ms, the success rate in percent). */
export type ProviderUsage = {
  totalRequests: number;
  totalTokens: number;
  totalCost: number;
  avgResponseTime: number;
  successfulRequests: number;
  successRate: number;
};
/** One agent's calls over the period. */
export type AgentUsage = Pick<ProviderUsage, "totalRequests" | "totalCost" | "avgResponseTime">;
export type LlmUsageStats = ReturnType<typeof getLlmUsageStats>;

/**
 * `get_llm_usage_stats(days)` of the trading system's Python code over the period's calls (naive times in
 * DATA_TIMEZONE), per provider and agent (by name); `periodDays` is the period's length in days.
 */
export function getLlmUsageStats(ctx: ReadContext) {
  const providers = new Map<
    string,
    { calls: number; tokens: number; cost: number; latency: number; successes: number }
  >();
  const agents = new Map<string, { calls: number; cost: number; latency: number }>();
  for (const g of llmWindow(ctx).groups()) {
    const p = providers.get(g.provider) ?? { calls: 0, tokens: 0, cost: 0, latency: 0, successes: 0 };
    p.calls += g.calls;
    p.tokens += g.tokens;
    p.cost += g.cost;
    p.latency += g.latencySum;
    p.successes += g.successes;
    providers.set(g.provider, p);
    const a = agents.get(g.agentName) ?? { calls: 0, cost: 0, latency: 0 };
    a.calls += g.calls;
    a.cost += g.cost;
    a.latency += g.latencySum;
    agents.set(g.agentName, a);
  }
  const providerStats: Record<string, ProviderUsage> = {};
  for (const [provider, p] of [...providers].sort()) {
    if (p.calls === 0) continue;
    providerStats[provider] = {
      totalRequests: p.calls,
      totalTokens: p.tokens,
      totalCost: p.cost,
      avgResponseTime: p.latency / p.calls,
      successfulRequests: p.successes,
      successRate: (p.successes / p.calls) * 100,
    };
  }
  const agentStats: Record<string, AgentUsage> = {};
  for (const [agent, a] of [...agents].sort()) {
    if (a.calls > 0)
      agentStats[agent] = { totalRequests: a.calls, totalCost: a.cost, avgResponseTime: a.latency / a.calls };
  }
  return { providerStats, agentStats, periodDays: ctx.period.days };
}
