import "server-only";
import { canonicalModel } from "@/lib/model-names";
import { percentiles } from "@/lib/percentiles";
import type { Period } from "@/lib/period";
import { llmWindow } from "./llm-window";

/** What the costs page needs beyond the trading system's figures: by model and request type, latency percentiles, errors, days. */
export function getUsageBreakdown(period: Period) {
  const calls = llmWindow(period);
  const groups = calls.groups().filter((g) => g.calls !== 0);

  // Models are grouped by canonical name; the raw names stay listed with it.
  const byModel = new Map<string, { model: string; provider: string; raw_names: string[]; calls: number; tokens: number; cost: number; successes: number }>();
  const byRequestType = new Map<string, { request_type: string; calls: number; tokens: number; cost: number; successes: number }>();
  for (const g of groups) {
    const model = canonicalModel(g.model);
    const entry = byModel.get(`${g.provider}/${model}`) ?? { model, provider: g.provider, raw_names: [], calls: 0, tokens: 0, cost: 0, successes: 0 };
    if (!entry.raw_names.includes(g.model)) entry.raw_names.push(g.model);
    const type = byRequestType.get(g.request_type) ?? { request_type: g.request_type, calls: 0, tokens: 0, cost: 0, successes: 0 };
    for (const sum of [entry, type]) {
      sum.calls += g.calls;
      sum.tokens += g.tokens;
      sum.cost += g.cost;
      sum.successes += g.successes;
    }
    byModel.set(`${g.provider}/${model}`, entry);
    byRequestType.set(g.request_type, type);
  }
  const total = groups.reduce((sum, g) => ({ calls: sum.calls + g.calls, successes: sum.successes + g.successes, cost: sum.cost + g.cost }), { calls: 0, successes: 0, cost: 0 });
  const failed = total.calls - total.successes;

  return {
    by_model: [...byModel.values()].sort((a, b) => b.cost - a.cost),
    by_request_type: [...byRequestType.values()].sort((a, b) => b.cost - a.cost),
    latency_ms: percentiles(calls.latencies(), [50, 95, 99]),
    errors: { failed_requests: failed, error_rate: total.calls > 0 ? (failed / total.calls) * 100 : 0, most_frequent: calls.errors().slice(0, 5).map((e) => ({ ...e, message: e.message || "(no message)" })) },
    cost_per_successful_call: total.successes > 0 ? total.cost / total.successes : null,
    daily: calls.daily(),
  };
}
