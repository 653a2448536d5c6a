import type { UsageBreakdown } from "@/db/queries/llm-usage-breakdown";
import type { LlmUsageStats } from "@/db/queries/llm-usage";
import type { Period } from "@/lib/period";
import { rangeKeys } from "./period";

/** /api/llm/usage: the trading system's `get_llm_usage_stats`; a from/to period adds `period_from` and `period_to`. */
export function llmUsageJson(usage: LlmUsageStats, period: Period) {
  const providerStats = Object.entries(usage.providerStats).map(([provider, p]) => [
    provider,
    {
      total_requests: p.totalRequests,
      total_tokens: p.totalTokens,
      total_cost: p.totalCost,
      avg_response_time: p.avgResponseTime,
      successful_requests: p.successfulRequests,
      success_rate: p.successRate,
    },
  ]);
  const agentStats = Object.entries(usage.agentStats).map(([agent, a]) => [
    agent,
    { total_requests: a.totalRequests, total_cost: a.totalCost, avg_response_time: a.avgResponseTime },
  ]);
  return {
    provider_stats: Object.fromEntries(providerStats),
    agent_stats: Object.fromEntries(agentStats),
    period_days: usage.periodDays,
    ...rangeKeys(period),
  };
}

/** /api/llm/breakdown: by model and request type, latency percentiles, errors and the calls per day and provider. */
export function usageBreakdownJson(breakdown: UsageBreakdown) {
  const { byModel, byRequestType, latencyMs, errors, costPerSuccessfulCall, daily } = breakdown;
  return {
    by_model: byModel.map((m) => ({
      model: m.model,
      provider: m.provider,
      raw_names: m.rawNames,
      calls: m.calls,
      tokens: m.tokens,
      cost: m.cost,
      successes: m.successes,
    })),
    by_request_type: byRequestType.map((t) => ({
      request_type: t.requestType,
      calls: t.calls,
      tokens: t.tokens,
      cost: t.cost,
      successes: t.successes,
    })),
    latency_ms: { p50: latencyMs.p50, p95: latencyMs.p95, p99: latencyMs.p99 },
    errors: {
      failed_requests: errors.failedRequests,
      error_rate: errors.errorRate,
      most_frequent: errors.mostFrequent.map((e) => ({ message: e.message, count: e.count })),
    },
    cost_per_successful_call: costPerSuccessfulCall,
    daily: daily.map((d) => ({
      date: d.date,
      provider: d.provider,
      calls: d.calls,
      successes: d.successes,
      tokens: d.tokens,
      cost: d.cost,
    })),
  };
}
