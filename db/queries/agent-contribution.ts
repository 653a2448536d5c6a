import "server-only";
import type { AgentTradeSums } from "@/db/aggregates/trade-fact-reader";
import type { ReadContext } from "@/lib/read-context";
import { tradeWindow } from "./counted-trades";

/**
 * `get_agent_contribution_analysis(days)` of the trading system's Python code: trades of the period with both
 * contributions and a 7-day PnL, from the trade aggregates. Rows the Python code would choke on (broken JSON, a
 * contribution that is not a number) are skipped and counted in `skippedRows`, never fatal.
 */
export function getAgentContribution(ctx: ReadContext) {
  const window = tradeWindow(ctx);
  const totals = window.totals();
  const agents: Record<string, AgentImpact> = {};
  for (const a of window.agents().sort((x, y) => x.agentName.localeCompare(y.agentName)))
    agents[a.agentName] = impactOf(a);
  return {
    agents,
    totalTradesAnalyzed: totals.analysed,
    skippedRows: { unreadableJson: totals.unreadable, nonNumericContributions: totals.nonNumeric },
  };
}

export type AgentContribution = ReturnType<typeof getAgentContribution>;
export type AgentImpact = ReturnType<typeof impactOf>;

function impactOf(a: AgentTradeSums) {
  return {
    totalContribution: a.contribution,
    positivePnlContribution: a.positive,
    negativePnlContribution: a.negative,
    tradesInvolved: a.trades,
    avgConfidence: a.confidenceCount > 0 ? a.confidenceSum / a.confidenceCount : 0,
    efficiencyScore: (a.positive - a.negative) / a.trades,
  };
}

/**
 * `get_underperforming_agents` of the trading system's Python code: enough trades and an efficiency score under the
 * threshold, worst first.
 */
export function getUnderperformingAgents(
  ctx: ReadContext,
  { minTrades, threshold }: { minTrades: number; threshold: number },
) {
  return Object.entries(getAgentContribution(ctx).agents)
    .filter(([, a]) => a.tradesInvolved >= minTrades && a.efficiencyScore < threshold)
    .map(([agentName, a]) => ({
      agentName,
      efficiencyScore: a.efficiencyScore,
      tradesInvolved: a.tradesInvolved,
      negativeContribution: a.negativePnlContribution,
      avgConfidence: a.avgConfidence,
    }))
    .sort((a, b) => a.efficiencyScore - b.efficiencyScore);
}

export type UnderperformingAgent = ReturnType<typeof getUnderperformingAgents>[number];
