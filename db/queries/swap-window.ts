import "server-only";
import type { WindowMeasure } from "@/lib/swap-status";
import { llmCallsBetween } from "./llm-window";
import { tradesBetween } from "./trade-window";

/** One agent's measured performance in [fromMs, toMs): its trades' contribution-weighted PnL and its LLM calls. */
export function measureWindow(agent: string, fromMs: number, toMs: number): WindowMeasure {
  const mine = tradesBetween(fromMs, toMs).agents(agent)[0];
  const count = mine?.trades ?? 0;
  const weighted = mine?.weighted_pnl ?? 0;
  const calls = { calls: 0, successes: 0, cost: 0 };
  for (const group of llmCallsBetween(fromMs, toMs).groups(agent)) {
    calls.calls += group.calls;
    calls.successes += group.successes;
    calls.cost += group.cost;
  }
  return {
    trades: count,
    pnlScore: count > 0 ? weighted / count : null,
    calls: calls.calls,
    successRate: calls.calls > 0 ? calls.successes / calls.calls : null,
    costUsd: calls.cost,
  };
}
