import "server-only";
import { database } from "@/db";
import { systemMetrics } from "@/db/schema";
import { loadAgentConfig } from "@/lib/agent-config";
import { byReadableInterval } from "@/lib/chart-buckets";
import { wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { previousPeriod, type Period } from "@/lib/period";
import { datedWithin, periodDays } from "./calendar-window";
import { llmCallsBetween, llmWindow } from "./llm-window";
import { tradeWindow } from "./trade-window";

const DAY_MS = 86_400_000;

/**
 * Per calendar day (in DATA_TIMEZONE) of the period: the 7-day PnL of the day's trades, the day's trades, and its
 * LLM cost per provider. Every day of the period has a row, so quiet days show as zero, not as a gap.
 */
export function getDailySeries(period: Period) {
  const { config } = database();
  const trades = new Map(tradeWindow(period).daily().map((d) => [d.day, d]));
  const costs = llmWindow(period).daily();
  const providers = [...new Set(costs.map((c) => c.provider))].sort();
  const rows = periodDays(period, config.dataTimeZone).map((date) => {
    const day = trades.get(date);
    const row: Record<string, number | null> = { pnl: day && day.with_pnl > 0 ? day.pnl : null, trades: day?.trades ?? 0, cost: 0 };
    for (const provider of providers) row[`cost_${provider}`] = 0;
    return { date, ...row } as { date: string } & Record<string, number | null>;
  });
  const byDate = new Map(rows.map((r) => [r.date, r]));
  for (const c of costs) {
    const row = byDate.get(c.date);
    if (!row) continue;
    row[`cost_${c.provider}`] = (row[`cost_${c.provider}`] ?? 0) + c.cost;
    row.cost = (row.cost ?? 0) + c.cost;
  }
  return { providers, ...byReadableInterval(rows), pnlCurrency: config.pnlCurrency };
}

/** LLM spend today (since midnight in DATA_TIMEZONE) and over the last 7 days, against the agent config's limits. */
export function getSpend(now = Date.now()) {
  const { config } = database();
  const limits = loadAgentConfig(config.agentConfigPath);
  const wall = now + zoneOffsetMs(now, config.dataTimeZone);
  const midnight = wallClockToInstant(Math.floor(wall / DAY_MS) * DAY_MS, config.dataTimeZone);
  const cost = (groups: { cost: number }[]) => groups.reduce((sum, g) => sum + g.cost, 0);
  return {
    today: cost(llmCallsBetween(midnight, now).groups()),
    week: cost(llmCallsBetween(now - 7 * DAY_MS, now).groups()),
    dailyLimit: limits.costLimitDaily,
    weeklyLimit: limits.costLimitWeekly,
    alertAt: limits.costAlertThreshold,
  };
}

/**
 * The reflection loop's daily system metrics over the calendar days of the period and of the one before it:
 * averages of decision time, agent efficiency and model diversity, and the sums of automatic improvements and
 * human interventions. Null when no day of the period has a row yet (today's is written when the day ends).
 */
export function getMetricsSummary(period: Period) {
  const { db, config } = database();
  const summarise = (span: Period) => {
    const rows = db.select().from(systemMetrics).where(datedWithin(systemMetrics.date, span)).all();
    if (rows.length === 0) return null;
    const mean = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((sum, r) => sum + pick(r), 0) / rows.length;
    return {
      days: rows.length,
      decisionSeconds: mean((r) => r.avgDecisionTimeSeconds),
      efficiency: mean((r) => r.agentEfficiencyScore),
      diversity: mean((r) => r.modelDiversityIndex),
      autoImprovements: rows.reduce((sum, r) => sum + r.autoImprovements, 0),
      humanInterventions: rows.reduce((sum, r) => sum + r.humanInterventions, 0),
    };
  };
  return { current: summarise(period), previous: summarise(previousPeriod(period, config.dataTimeZone)) };
}
