import type Database from "better-sqlite3";
import type { LlmTotals } from "./llm-log-writer";
import { round } from "./market";
import type { Period, SeedDay } from "./period";
import type { Random } from "./random";
import type { TimestampFormatter } from "./timestamps";
import type { SeededTrade } from "./trades";
import { US_PER_DAY } from "./wall-clock";

type PerformanceRow = {
  agent: string;
  periodStart: string;
  periodEnd: string;
  totalDecisions: number;
  successfulDecisions: number;
  avgContributionScore: number;
  performanceRating: number;
  wins: number;
  losses: number;
  totalPnlAttributed: number;
  confidenceAccuracy: number;
  /** The Saturday reflection run that wrote the row. */
  writtenUs: number;
};

const REFLECTION_TIME_US = 12.5 * 3_600_000_000;

/**
 * One row per agent and Monday-Sunday week, written by the reflection loop on the Saturday after the week's
 * last trade has its 7-day PnL (so only weeks with known PnL). Agents named in agent_contributions are judged on
 * those trades; the others (pipeline and reflection agents) on how reliably their calls succeeded.
 */
export function performanceRows(
  period: Period,
  trades: readonly SeededTrade[],
  llm: LlmTotals,
  random: Random,
): PerformanceRow[] {
  const rows: PerformanceRow[] = [];
  for (const monday of period.days.filter((day) => day.weekday === 1)) {
    const writtenUs = monday.startUs + 12 * US_PER_DAY + REFLECTION_TIME_US;
    if (writtenUs > period.cutoffUs) continue;
    const weekTrades = trades.filter(
      (t) => t.day >= monday.index && t.day < monday.index + 7 && t.contributions && t.pnl7 !== null,
    );
    const periodEnd = new Date((monday.startUs + 6 * US_PER_DAY) / 1000).toISOString().slice(0, 10);
    llm.agents.forEach((agent, agentIndex) => {
      const row = fromTrades(agent, weekTrades) ?? fromCalls(agentIndex, monday, period, llm, random);
      if (row) rows.push({ agent, periodStart: monday.date, periodEnd, writtenUs, ...row });
    });
  }
  return rows;
}

type Figures = Omit<PerformanceRow, "agent" | "periodStart" | "periodEnd" | "writtenUs">;

function fromTrades(agent: string, trades: readonly SeededTrade[]): Figures | undefined {
  const involved = trades.filter((t) => t.contributions![agent] !== undefined);
  if (involved.length === 0) return undefined;
  let wins = 0;
  let losses = 0;
  let attributed = 0;
  let contribution = 0;
  let confidenceError = 0;
  let rated = 0;
  for (const t of involved) {
    const c = t.contributions![agent]!;
    const won = t.pnl7! > 0;
    if (won) wins++;
    else if (t.pnl7! < 0) losses++;
    attributed += c * t.pnl7!;
    contribution += c;
    if (t.confidence !== null) {
      confidenceError += Math.abs(t.confidence - (won ? 1 : 0));
      rated++;
    }
  }
  const winRate = wins + losses === 0 ? 0.5 : wins / (wins + losses);
  const attributedScore = 0.5 + 0.5 * Math.tanh(attributed / (involved.length * 40_000));
  return {
    totalDecisions: involved.length,
    successfulDecisions: wins,
    avgContributionScore: round(contribution / involved.length, 3),
    performanceRating: round(100 * (0.5 * winRate + 0.5 * attributedScore), 1),
    wins,
    losses,
    totalPnlAttributed: round(attributed, 2),
    confidenceAccuracy: rated === 0 ? 0.5 : round(1 - confidenceError / rated, 3),
  };
}

function fromCalls(
  agentIndex: number,
  monday: SeedDay,
  period: Period,
  llm: LlmTotals,
  random: Random,
): Figures | undefined {
  let calls = 0;
  let successes = 0;
  for (let day = monday.index; day < Math.min(monday.index + 7, period.days.length); day++) {
    calls += llm.callsByDayAgent[day * llm.agents.length + agentIndex]!;
    successes += llm.successesByDayAgent[day * llm.agents.length + agentIndex]!;
  }
  if (calls === 0) return undefined;
  const successRate = successes / calls;
  return {
    totalDecisions: calls,
    successfulDecisions: successes,
    avgContributionScore: 0,
    // The reflection loop's judgement of output quality, beyond reliability, is the jitter.
    performanceRating: round(50 + 32 * Math.min(1, Math.max(0, (successRate - 0.9) / 0.1)) + random.between(0, 8), 1),
    wins: successes,
    losses: calls - successes,
    totalPnlAttributed: 0,
    confidenceAccuracy: round(successRate, 3),
  };
}

export function writePerformance(
  db: Database.Database,
  rows: readonly PerformanceRow[],
  formatter: TimestampFormatter,
): void {
  const insert = db.prepare(
    `INSERT INTO agent_performance (agent_name, period_start, period_end, total_decisions, successful_decisions,
       avg_contribution_score, performance_rating, wins, losses, total_pnl_attributed, confidence_accuracy, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rows) {
    insert.run(
      r.agent,
      r.periodStart,
      r.periodEnd,
      r.totalDecisions,
      r.successfulDecisions,
      r.avgContributionScore,
      r.performanceRating,
      r.wins,
      r.losses,
      r.totalPnlAttributed,
      r.confidenceAccuracy,
      formatter.sqliteUtc(r.writtenUs),
    );
  }
}
