import "server-only";
import type { RequestClock } from "@/lib/read-context";
import type { WindowMeasure } from "@/lib/swap-status";
import { tradesBetween } from "./counted-trades";
import { llmCallsBetween } from "./open-llm-window";

/**
 * One agent's measured performance in [fromMs, toMs), days and hours cut in the clock's zone: its trades'
 * contribution-weighted PnL and its LLM calls.
 */
export function measureWindow(clock: RequestClock, agent: string, fromMs: number, toMs: number): WindowMeasure {
  const mine = tradesBetween(clock, fromMs, toMs).agents(agent)[0];
  const count = mine?.trades ?? 0;
  const weighted = mine?.weightedPnl ?? 0;
  const calls = { calls: 0, successes: 0, cost: 0 };
  for (const group of llmCallsBetween(clock, fromMs, toMs).groups(agent)) {
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
