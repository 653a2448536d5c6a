import "server-only";
import { database } from "@/db";
import { loadAgentConfig } from "@/lib/agent-config";
import { percentiles } from "@/lib/percentiles";
import type { Period } from "@/lib/period";
import { getAgentContribution } from "./agent-contribution";
import { getAgentMapping } from "./agent-mapping";
import { getAgentPerformance } from "./agent-performance";
import { llmWindow } from "./llm-window";
import { getSwapLog } from "./swap-log";

const DAY_MS = 86_400_000;
// Below this many trades with a known PnL (trading agents) or weekly ratings (all), a score is not yet a ranking.
export const PRELIMINARY = { trades: 10, weeks: 2 };

/** One row per agent of the config roster and any agent seen in the data, for the leaderboard; days since a swap count to `now`. */
export function getAgentRoster(period: Period, now = Date.now()) {
  const { config } = database();
  const agentConfig = loadAgentConfig(config.agentConfigPath);
  const { agents: mapping } = getAgentMapping();
  const window = llmWindow(period);
  const calls = new Map<string, { calls: number; successes: number; cost: number; latency: number }>();
  for (const g of window.groups()) {
    const c = calls.get(g.agent_name) ?? { calls: 0, successes: 0, cost: 0, latency: 0 };
    c.calls += g.calls;
    c.successes += g.successes;
    c.cost += g.cost;
    c.latency += g.latency_sum;
    calls.set(g.agent_name, c);
  }
  const latencies = window.latenciesByAgent();
  const impact = getAgentContribution(period).agent_impact;
  const weeks = new Map<string, ReturnType<typeof getAgentPerformance>>();
  for (const row of getAgentPerformance(period)) weeks.set(row.agent_name, [...(weeks.get(row.agent_name) ?? []), row]);
  const lastSwap = new Map<string, number>();
  for (const swap of getSwapLog()) if (swap.atMs !== null && !lastSwap.has(swap.agentName)) lastSwap.set(swap.agentName, swap.atMs);

  const names = [...new Set([...Object.keys(agentConfig.agents), ...Object.keys(mapping), ...calls.keys(), ...Object.keys(impact)])];
  return names.map((name) => {
    const c = calls.get(name);
    const rows = (weeks.get(name) ?? []).sort((a, b) => a.period_end.localeCompare(b.period_end));
    const latest = rows.at(-1);
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    const wins = sum((r) => r.wins);
    const losses = sum((r) => r.losses);
    const decisions = sum((r) => r.total_decisions);
    const workflow = agentConfig.reflectionWorkflow.includes(name) ? "reflection" : agentConfig.agents[name] ? "trading" : "not in config";
    const tradesInvolved = impact[name]?.trades_involved ?? 0;
    return {
      name,
      workflow,
      provider: mapping[name]?.provider ?? null,
      model: mapping[name]?.model ?? null,
      rating: latest?.performance_rating ?? null,
      ratings: rows.map((r) => r.performance_rating),
      wins,
      losses,
      winRate: wins + losses > 0 ? (wins / (wins + losses)) * 100 : null,
      pnlAttributed: rows.length > 0 ? sum((r) => r.total_pnl_attributed) : null,
      avgContribution: rows.length > 0 ? sum((r) => r.avg_contribution_score) / rows.length : null,
      confidenceAccuracy: rows.length > 0 ? sum((r) => r.confidence_accuracy) / rows.length : null,
      tradesInvolved,
      efficiencyScore: impact[name]?.efficiency_score ?? null,
      calls: c?.calls ?? 0,
      costUsd: c?.cost ?? 0,
      costPerDecision: decisions > 0 ? (c?.cost ?? 0) / decisions : null,
      successRate: c && c.calls > 0 ? (c.successes / c.calls) * 100 : null,
      avgLatencyMs: c && c.calls > 0 ? c.latency / c.calls : null,
      p95LatencyMs: percentiles(latencies.get(name) ?? [], [95]).p95,
      daysSinceSwap: lastSwap.has(name) ? Math.floor((now - lastSwap.get(name)!) / DAY_MS) : null,
      preliminary: rows.length < PRELIMINARY.weeks || (workflow === "trading" && impact[name] !== undefined && tradesInvolved < PRELIMINARY.trades),
    };
  });
}

export type RosterRow = ReturnType<typeof getAgentRoster>[number];
