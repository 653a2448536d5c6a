import "server-only";
import { canonicalModel } from "@/lib/model-names";
import { percentiles } from "@/lib/percentiles";
import type { ReadContext } from "@/lib/read-context";
import { llmWindow } from "./open-llm-window";

export type UsageBreakdown = ReturnType<typeof getUsageBreakdown>;

/**
 * What the costs page needs beyond the trading system's figures: by model and request type, latency percentiles,
 * errors, days.
 */
export function getUsageBreakdown(ctx: ReadContext) {
  const calls = llmWindow(ctx);
  const groups = calls.groups().filter((g) => g.calls !== 0);

  // Models are grouped by canonical name; the raw names stay listed with it.
  const byModel = new Map<
    string,
    {
      model: string;
      provider: string;
      rawNames: string[];
      calls: number;
      tokens: number;
      cost: number;
      successes: number;
    }
  >();
  const byRequestType = new Map<
    string,
    { requestType: string; calls: number; tokens: number; cost: number; successes: number }
  >();
  for (const g of groups) {
    const model = canonicalModel(g.model);
    const entry = byModel.get(`${g.provider}/${model}`) ?? {
      model,
      provider: g.provider,
      rawNames: [],
      calls: 0,
      tokens: 0,
      cost: 0,
      successes: 0,
    };
    if (!entry.rawNames.includes(g.model)) entry.rawNames.push(g.model);
    const type = byRequestType.get(g.requestType) ?? {
      requestType: g.requestType,
      calls: 0,
      tokens: 0,
      cost: 0,
      successes: 0,
    };
    for (const sum of [entry, type]) {
      sum.calls += g.calls;
      sum.tokens += g.tokens;
      sum.cost += g.cost;
      sum.successes += g.successes;
    }
    byModel.set(`${g.provider}/${model}`, entry);
    byRequestType.set(g.requestType, type);
  }
  const total = groups.reduce(
    (sum, g) => ({ calls: sum.calls + g.calls, successes: sum.successes + g.successes, cost: sum.cost + g.cost }),
    { calls: 0, successes: 0, cost: 0 },
  );
  const failed = total.calls - total.successes;

  return {
    byModel: [...byModel.values()].sort((a, b) => b.cost - a.cost),
    byRequestType: [...byRequestType.values()].sort((a, b) => b.cost - a.cost),
    latencyMs: percentiles(calls.latencies(), [50, 95, 99]),
    errors: {
      failedRequests: failed,
      errorRate: total.calls > 0 ? (failed / total.calls) * 100 : 0,
      mostFrequent: calls
        .errors()
        .slice(0, 5)
        .map((e) => ({ ...e, message: e.message || "(no message)" })),
    },
    costPerSuccessfulCall: total.successes > 0 ? total.cost / total.successes : null,
    daily: calls.daily(),
  };
}
