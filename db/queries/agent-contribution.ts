import "server-only";
import { and, isNotNull, sql } from "drizzle-orm";
import { database } from "@/db";
import { trades } from "@/db/schema";
import { parsePythonJson } from "@/lib/lenient-json";
import { atOrAfter } from "./event-window";

export type AgentImpact = {
  total_contribution: number;
  positive_pnl_contribution: number;
  negative_pnl_contribution: number;
  trades_involved: number;
  avg_confidence: number;
  efficiency_score: number;
};

/**
 * `get_agent_contribution_analysis(days)` of SPEC.md: trades of the window with both contributions and a 7-day
 * PnL. Rows the Python code would choke on (broken JSON, a contribution that is not a number) are skipped and
 * counted in `skipped`, never fatal.
 */
export function getAgentContribution(days: number, now = Date.now()) {
  const { db, config } = database();
  const rows = db
    .select({ contributions: trades.agentContributions, pnl: trades.pnl7Days, confidence: trades.decisionConfidence })
    .from(trades)
    // `+` keeps idx_trades_pnl_7_days out of it: the time range is the selective part.
    .where(and(atOrAfter(trades.timestamp, now - days * 86_400_000, config.dataTimeZone), isNotNull(trades.agentContributions), sql`+${trades.pnl7Days} IS NOT NULL`))
    .all();

  const sums = new Map<string, { total: number; positive: number; negative: number; trades: number; confidenceSum: number; confidenceCount: number }>();
  const skipped = { unreadable_json: 0, non_numeric_contributions: 0 };
  let analysed = 0;
  for (const row of rows) {
    const parsed = parsePythonJson(row.contributions);
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
      skipped.unreadable_json++;
      continue;
    }
    analysed++;
    const pnl = row.pnl!;
    for (const [agent, value] of Object.entries(parsed.value)) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        skipped.non_numeric_contributions++;
        continue;
      }
      const s = sums.get(agent) ?? { total: 0, positive: 0, negative: 0, trades: 0, confidenceSum: 0, confidenceCount: 0 };
      s.total += value;
      s.trades += 1;
      if (pnl > 0) s.positive += value * pnl;
      else s.negative += value * Math.abs(pnl);
      if (row.confidence !== null && row.confidence !== 0) {
        s.confidenceSum += row.confidence;
        s.confidenceCount += 1;
      }
      sums.set(agent, s);
    }
  }

  const agent_impact: Record<string, AgentImpact> = {};
  for (const [agent, s] of sums) {
    agent_impact[agent] = {
      total_contribution: s.total,
      positive_pnl_contribution: s.positive,
      negative_pnl_contribution: s.negative,
      trades_involved: s.trades,
      avg_confidence: s.confidenceCount > 0 ? s.confidenceSum / s.confidenceCount : 0,
      efficiency_score: (s.positive - s.negative) / s.trades,
    };
  }
  return { agent_impact, total_trades_analyzed: analysed, analysis_period_days: days, skipped_rows: skipped };
}

/** `get_underperforming_agents` of SPEC.md: enough trades and an efficiency score under the threshold, worst first. */
export function getUnderperformingAgents({ minTrades, days, threshold }: { minTrades: number; days: number; threshold: number }, now = Date.now()) {
  return Object.entries(getAgentContribution(days, now).agent_impact)
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
