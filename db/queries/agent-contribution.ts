import "server-only";
import { rangeKeys, type Period } from "@/lib/period";
import { tradeWindow } from "./trade-window";

export type AgentImpact = {
  total_contribution: number;
  positive_pnl_contribution: number;
  negative_pnl_contribution: number;
  trades_involved: number;
  avg_confidence: number;
  efficiency_score: number;
};

/**
 * `get_agent_contribution_analysis(days)` of the trading system's Python code: trades of the period with both
 * contributions and a 7-day PnL, from the trade aggregates (a from/to period adds `period_from` and `period_to`).
 * Rows the Python code would choke on (broken JSON, a contribution that is not a number) are skipped and counted
 * in `skipped`, never fatal.
 */
export function getAgentContribution(period: Period) {
  const window = tradeWindow(period);
  const totals = window.totals();
  const agent_impact: Record<string, AgentImpact> = {};
  for (const a of window.agents().sort((x, y) => x.agent_name.localeCompare(y.agent_name))) {
    agent_impact[a.agent_name] = {
      total_contribution: a.contribution,
      positive_pnl_contribution: a.positive,
      negative_pnl_contribution: a.negative,
      trades_involved: a.trades,
      avg_confidence: a.confidence_count > 0 ? a.confidence_sum / a.confidence_count : 0,
      efficiency_score: (a.positive - a.negative) / a.trades,
    };
  }
  return {
    agent_impact,
    total_trades_analyzed: totals.analysed,
    analysis_period_days: period.days,
    skipped_rows: { unreadable_json: totals.unreadable, non_numeric_contributions: totals.non_numeric },
    ...rangeKeys(period),
  };
}

/** `get_underperforming_agents` of the trading system's Python code: enough trades and an efficiency score under the threshold, worst first. */
export function getUnderperformingAgents({ minTrades, period, threshold }: { minTrades: number; period: Period; threshold: number }) {
  return Object.entries(getAgentContribution(period).agent_impact)
    .filter(([, a]) => a.trades_involved >= minTrades && a.efficiency_score < threshold)
    .map(([agent_name, a]) => ({
      agent_name,
      efficiency_score: a.efficiency_score,
      trades_involved: a.trades_involved,
      negative_contribution: a.negative_pnl_contribution,
      avg_confidence: a.avg_confidence,
    }))
    .sort((a, b) => a.efficiency_score - b.efficiency_score);
}
