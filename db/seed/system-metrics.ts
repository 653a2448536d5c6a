import type Database from "better-sqlite3";
import type { LlmTotals } from "./llm-log-writer";
import { round } from "./market";
import type { ModelTimeline } from "./model-timeline";
import type { Period } from "./period";
import type { Swap } from "./story";
import type { TimestampFormatter } from "./timestamps";
import type { SeededTrade } from "./trades";

type MetricsRow = {
  date: string;
  totalTrades: number;
  winRate: number;
  totalPnl: number;
  totalCostUsd: number;
  avgDecisionTimeSeconds: number;
  agentEfficiencyScore: number;
  modelDiversityIndex: number;
  autoImprovements: number;
  humanInterventions: number;
  writtenUs: number;
};

/** The daily job runs just before midnight; a day it has not reached yet (today) has no row. */
const DAILY_JOB_US = (23 * 60 + 50) * 60_000_000;

/**
 * One row per day, consistent with that day's rows elsewhere: its trades (PnL and win rate over those whose 7-day
 * PnL is known), the sum of its LLM costs, the swaps made that day, and how varied the agents' models are.
 */
export function metricsRows(
  period: Period,
  trades: readonly SeededTrade[],
  llm: LlmTotals,
  swaps: readonly Swap[],
  timeline: ModelTimeline,
): MetricsRow[] {
  const rows: MetricsRow[] = [];
  for (const day of period.days) {
    const writtenUs = day.startUs + DAILY_JOB_US;
    if (writtenUs > period.cutoffUs) continue;
    const dayTrades = trades.filter((t) => t.day === day.index);
    const known = dayTrades.filter((t) => t.pnl7 !== null);
    const wins = known.filter((t) => t.pnl7! > 0).length;
    const losses = known.filter((t) => t.pnl7! < 0).length;
    const daySwaps = swaps.filter((s) => s.wallUs >= day.startUs && s.wallUs < writtenUs);
    const models = new Set(llm.agents.map((agent) => timeline.modelAt(agent, writtenUs).model));
    rows.push({
      date: day.date,
      totalTrades: dayTrades.length,
      winRate: wins + losses === 0 ? 0 : round((100 * wins) / (wins + losses), 1),
      totalPnl: known.reduce((sum, t) => sum + t.pnl7!, 0),
      totalCostUsd: round(llm.costByDay[day.index]!, 6),
      avgDecisionTimeSeconds: round(mean(dayTrades.map((t) => t.decisionSeconds)), 1),
      agentEfficiencyScore: efficiency(known, llm.callsByDay[day.index]!, llm.successesByDay[day.index]!),
      modelDiversityIndex: round(models.size / llm.agents.length, 4),
      autoImprovements: daySwaps.filter((s) => s.triggeredBy !== "manual").length,
      humanInterventions: daySwaps.filter((s) => s.triggeredBy === "manual").length,
      writtenUs,
    });
  }
  return rows;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** 0..1: the share of contribution-weighted PnL that was gain (70%) and the share of LLM calls that succeeded (30%). */
function efficiency(known: readonly SeededTrade[], calls: number, successes: number): number {
  let gain = 0;
  let magnitude = 0;
  for (const t of known) {
    for (const c of Object.values(t.contributions ?? {})) {
      gain += c * Math.max(0, t.pnl7!);
      magnitude += c * Math.abs(t.pnl7!);
    }
  }
  const parts: [number, number][] = [];
  if (magnitude > 0) parts.push([gain / magnitude, 0.7]);
  if (calls > 0) parts.push([successes / calls, 0.3]);
  const weight = parts.reduce((sum, [, w]) => sum + w, 0);
  return weight === 0 ? 0 : round(parts.reduce((sum, [value, w]) => sum + value * w, 0) / weight, 3);
}

export function writeMetrics(db: Database.Database, rows: readonly MetricsRow[], formatter: TimestampFormatter): void {
  const insert = db.prepare(
    `INSERT INTO system_metrics (date, total_trades, win_rate, total_pnl, total_cost_usd, avg_decision_time_seconds,
       agent_efficiency_score, model_diversity_index, auto_improvements, human_interventions, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) {
    insert.run(
      r.date,
      r.totalTrades,
      r.winRate,
      r.totalPnl,
      r.totalCostUsd,
      r.avgDecisionTimeSeconds,
      r.agentEfficiencyScore,
      r.modelDiversityIndex,
      r.autoImprovements,
      r.humanInterventions,
      formatter.sqliteUtc(r.writtenUs),
    );
  }
}
