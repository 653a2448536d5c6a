import "server-only";
import { database } from "@/db";
import { systemMetrics } from "@/db/schema";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { previousPeriod, type Period } from "@/lib/period";
import type { ReadContext, RequestClock } from "@/lib/read-context";
import { datedWithin, periodDays } from "./calendar-window";
import { tradeWindow } from "./counted-trades";
import { llmCallsBetween, llmWindow } from "./open-llm-window";

const DAY_MS = 86_400_000;

/**
 * What the overview's daily charts are drawn from: the calendar days of the period (in the data's zone), the trades
 * and LLM calls per day (lib/series/overview.ts turns them into chart rows).
 */
export function getDailyFigures(ctx: ReadContext) {
  const { config } = database(ctx);
  return {
    days: periodDays(ctx.period, ctx.zone),
    trades: tradeWindow(ctx).daily(),
    calls: llmWindow(ctx).daily(),
    pnlCurrency: config.pnlCurrency,
  };
}

/** LLM spend today (since midnight in the data's zone) and over the last 7 days, against the agent config's limits. */
export function getSpend(clock: RequestClock) {
  const { now, zone } = clock;
  const { config } = database(clock);
  const limits = loadAgentConfig(config.agentConfigPath);
  const wall = now + zoneOffsetMs(now, zone);
  const midnight = wallClockToInstant(Math.floor(wall / DAY_MS) * DAY_MS, zone);
  const cost = (groups: { cost: number }[]) => groups.reduce((sum, g) => sum + g.cost, 0);
  return {
    today: cost(llmCallsBetween(clock, midnight, now).groups()),
    week: cost(llmCallsBetween(clock, now - 7 * DAY_MS, now).groups()),
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
export function getMetricsSummary(ctx: ReadContext) {
  const { db } = database(ctx);
  const summarise = (span: Period) => {
    const rows = db.select().from(systemMetrics).where(datedWithin(systemMetrics.date, span)).all();
    if (rows.length === 0) return null;
    const mean = (pick: (r: (typeof rows)[number]) => number) =>
      rows.reduce((sum, r) => sum + pick(r), 0) / rows.length;
    return {
      days: rows.length,
      decisionSeconds: mean((r) => r.avgDecisionTimeSeconds),
      efficiency: mean((r) => r.agentEfficiencyScore),
      diversity: mean((r) => r.modelDiversityIndex),
      autoImprovements: rows.reduce((sum, r) => sum + r.autoImprovements, 0),
      humanInterventions: rows.reduce((sum, r) => sum + r.humanInterventions, 0),
    };
  };
  return { current: summarise(ctx.period), previous: summarise(previousPeriod(ctx.period, ctx.zone)) };
}
