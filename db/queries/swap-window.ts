import "server-only";
import type { RequestClock } from "@/lib/read-context";
import type { WindowMeasure } from "@/lib/swap-status";
import { tradesBetween } from "./counted-trades";
import { llmCallsBetween } from "./open-llm-window";

/**
 * One agent's measured performance in [fromMs, toMs), days and hours cut in the clock's zone: its trades'
 * contribution-weighted PnL and its LLM calls, as figures and as the observations a verdict is made of.
 */
export function measureWindow(clock: RequestClock, agent: string, fromMs: number, toMs: number): WindowMeasure {
  const trades = tradesBetween(clock, fromMs, toMs).agentSample(agent);
  const calls = { calls: 0, successes: 0, cost: 0 };
  for (const group of llmCallsBetween(clock, fromMs, toMs).groups(agent)) {
    calls.calls += group.calls;
    calls.successes += group.successes;
    calls.cost += group.cost;
  }
  return {
    trades: trades.n,
    pnlScore: trades.n > 0 ? trades.sum / trades.n : null,
    calls: calls.calls,
    successRate: calls.calls > 0 ? calls.successes / calls.calls : null,
    costUsd: calls.cost,
    // A call is an observation of 1 when it succeeded, 0 when not: its square is itself.
    samples: { trades, calls: { n: calls.calls, sum: calls.successes, sumSquares: calls.successes } },
  };
}
