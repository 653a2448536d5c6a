import "server-only";
import { database } from "@/db";
import type { AgentPerformance } from "@/db/schema";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { percentiles } from "@/lib/percentiles";
import type { ReadContext } from "@/lib/read-context";
import { getAgentContribution } from "./agent-contribution";
import { getAgentMapping } from "./agent-mapping";
import { getAgentPerformance } from "./agent-performance";
import { llmWindow } from "./open-llm-window";
import { getSwapLog } from "./swap-log";

const DAY_MS = 86_400_000;
// Below this many trades with a known PnL (trading agents) or weekly ratings (all), a score is not yet a ranking.
export const PRELIMINARY = { trades: 10, weeks: 2 };

/**
 * One row per agent of the config roster and any agent seen in the data, for the leaderboard; days since a swap count
 * to the request's `now`.
 */
export function getAgentRoster(ctx: ReadContext) {
  const { config } = database(ctx);
  const agentConfig = loadAgentConfig(config.agentConfigPath);
  const mapping = getAgentMapping(ctx);
  const window = llmWindow(ctx);
  const calls = new Map<string, { calls: number; successes: number; cost: number; latency: number }>();
  for (const g of window.groups()) {
    const c = calls.get(g.agentName) ?? { calls: 0, successes: 0, cost: 0, latency: 0 };
    c.calls += g.calls;
    c.successes += g.successes;
    c.cost += g.cost;
    c.latency += g.latencySum;
    calls.set(g.agentName, c);
  }
  const latencies = window.latenciesByAgent();
  const impact = getAgentContribution(ctx).agents;
  const weeks = new Map<string, AgentPerformance[]>();
  for (const row of getAgentPerformance(ctx)) weeks.set(row.agentName, [...(weeks.get(row.agentName) ?? []), row]);
  const lastSwap = new Map<string, number>();
  for (const swap of getSwapLog(ctx))
    if (swap.atMs !== null && !lastSwap.has(swap.agentName)) lastSwap.set(swap.agentName, swap.atMs);

  const names = [
    ...new Set([...Object.keys(agentConfig.agents), ...Object.keys(mapping), ...calls.keys(), ...Object.keys(impact)]),
  ];
  return names.map((name) => {
    const c = calls.get(name);
    const rows = (weeks.get(name) ?? []).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    const latest = rows.at(-1);
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    const wins = sum((r) => r.wins);
    const losses = sum((r) => r.losses);
    const decisions = sum((r) => r.totalDecisions);
    const workflow = agentConfig.reflectionWorkflow.includes(name)
      ? "reflection"
      : agentConfig.agents[name]
        ? "trading"
        : "not in config";
    const tradesInvolved = impact[name]?.tradesInvolved ?? 0;
    return {
      name,
      workflow,
      // The trading system's own words for the agent's job (Korean in its config), shown as written.
      description: agentConfig.agents[name]?.description ?? null,
      provider: mapping[name]?.provider ?? null,
      model: mapping[name]?.model ?? null,
      rating: latest?.performanceRating ?? null,
      ratings: rows.map((r) => r.performanceRating),
      wins,
      losses,
      winRate: wins + losses > 0 ? (wins / (wins + losses)) * 100 : null,
      pnlAttributed: rows.length > 0 ? sum((r) => r.totalPnlAttributed) : null,
      avgContribution: rows.length > 0 ? sum((r) => r.avgContributionScore) / rows.length : null,
      confidenceAccuracy: rows.length > 0 ? sum((r) => r.confidenceAccuracy) / rows.length : null,
      tradesInvolved,
      efficiencyScore: impact[name]?.efficiencyScore ?? null,
      calls: c?.calls ?? 0,
      costUsd: c?.cost ?? 0,
      costPerDecision: decisions > 0 ? (c?.cost ?? 0) / decisions : null,
      successRate: c && c.calls > 0 ? (c.successes / c.calls) * 100 : null,
      avgLatencyMs: c && c.calls > 0 ? c.latency / c.calls : null,
      p95LatencyMs: percentiles(latencies.get(name) ?? [], [95]).p95,
      daysSinceSwap: lastSwap.has(name) ? Math.floor((ctx.now - lastSwap.get(name)!) / DAY_MS) : null,
      preliminary:
        rows.length < PRELIMINARY.weeks ||
        (workflow === "trading" && impact[name] !== undefined && tradesInvolved < PRELIMINARY.trades),
    };
  });
}

export type RosterRow = ReturnType<typeof getAgentRoster>[number];
