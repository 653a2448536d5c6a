import type { AgentContribution, UnderperformingAgent } from "@/db/queries/agent-contribution";
import type { AgentMapping } from "@/db/queries/agent-mapping";
import type { AgentPerformance } from "@/db/schema";
import type { Period } from "@/lib/period";
import { rangeKeys } from "./period";

// The agents' answers in the trading system's own names (its Python code's keys, in its order): the outside contract.

/**
 * /api/agents/contribution: `get_agent_contribution_analysis(days)`, plus `period_from` and `period_to` for a from/to
 * period.
 */
export function agentContributionJson({ agents, totalTradesAnalyzed, skippedRows }: AgentContribution, period: Period) {
  return {
    agent_impact: Object.fromEntries(
      Object.entries(agents).map(([name, a]) => [
        name,
        {
          total_contribution: a.totalContribution,
          positive_pnl_contribution: a.positivePnlContribution,
          negative_pnl_contribution: a.negativePnlContribution,
          trades_involved: a.tradesInvolved,
          avg_confidence: a.avgConfidence,
          efficiency_score: a.efficiencyScore,
        },
      ]),
    ),
    total_trades_analyzed: totalTradesAnalyzed,
    analysis_period_days: period.days,
    skipped_rows: {
      unreadable_json: skippedRows.unreadableJson,
      non_numeric_contributions: skippedRows.nonNumericContributions,
    },
    ...rangeKeys(period),
  };
}

/** /api/agents/underperforming: `get_underperforming_agents`, worst first. */
export function underperformingJson(agents: UnderperformingAgent[]) {
  return agents.map((a) => ({
    agent_name: a.agentName,
    efficiency_score: a.efficiencyScore,
    trades_involved: a.tradesInvolved,
    negative_contribution: a.negativeContribution,
    avg_confidence: a.avgConfidence,
  }));
}

/** /api/agents/performance: `get_agent_performance(agent, days)`, the rows as stored. */
export function agentPerformanceJson(rows: AgentPerformance[]) {
  return rows.map((row) => ({
    id: row.id,
    agent_name: row.agentName,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    total_decisions: row.totalDecisions,
    successful_decisions: row.successfulDecisions,
    avg_contribution_score: row.avgContributionScore,
    performance_rating: row.performanceRating,
    wins: row.wins,
    losses: row.losses,
    total_pnl_attributed: row.totalPnlAttributed,
    confidence_accuracy: row.confidenceAccuracy,
    created_at: row.createdAt,
  }));
}

/** /api/agents/mapping: the model each agent runs now. */
export function agentMappingJson(agents: AgentMapping) {
  return { agents };
}
