import "server-only";
import { llmCallsBetween } from "@/db/queries/open-llm-window";
import type { Observation, RuleParams } from "@/lib/alerts/rules";
import { addDays, calendarDate, startOfDay } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";

const HOUR_MS = 3_600_000;

export type SpendLimits = { costLimitDaily: number; costLimitWeekly: number; costAlertThreshold: number };

/** LLM spend (USD) of the calls in [fromMs, toMs): whole hours from the aggregates, the edges from raw rows. */
export function spendBetween(clock: RequestClock, fromMs: number, toMs: number): number {
  return llmCallsBetween(clock, fromMs, toMs)
    .groups()
    .reduce((sum, g) => sum + g.cost, 0);
}

/**
 * Today's (calendar day in the clock's zone) or this week's (from Monday) spend against `share` of the agent
 * config's limit. Spending nothing is never news, whatever the limit.
 */
export function measureSpend(params: RuleParams<"spend">, clock: RequestClock, limits: SpendLimits): Observation[] {
  const today = calendarDate(clock.now, clock.zone);
  const first = params.period === "day" ? today : mondayOf(today);
  const since = startOfDay(first, clock.zone);
  const spent = spendBetween(clock, since, clock.now);
  const limit = params.period === "day" ? limits.costLimitDaily : limits.costLimitWeekly;
  const share = params.share ?? limits.costAlertThreshold;
  const threshold = share * limit;
  return [
    {
      instance: "",
      firing: spent > 0 && spent >= threshold,
      value: spent,
      threshold,
      facts: { period: params.period, since, sinceDate: first, limit, share, path: costsPath(first, today) },
    },
  ];
}

/**
 * Today's spend plus the last 60 minutes' rate for the hours left today: news only while today's spend is still
 * under the daily limit (past it, the spend rule says so).
 */
export function measureSpendForecast(clock: RequestClock, limits: SpendLimits): Observation[] {
  const today = calendarDate(clock.now, clock.zone);
  const spent = spendBetween(clock, startOfDay(today, clock.zone), clock.now);
  const hourlyRate = spendBetween(clock, clock.now - HOUR_MS, clock.now);
  const hoursLeft = (startOfDay(addDays(today, 1), clock.zone) - clock.now) / HOUR_MS;
  const forecast = spent + hourlyRate * hoursLeft;
  const limit = limits.costLimitDaily;
  return [
    {
      instance: "",
      firing: forecast > limit && spent < limit,
      value: forecast,
      threshold: limit,
      facts: { spent, hourlyRate, hoursLeft, limit, path: costsPath(today, today) },
    },
  ];
}

/** The Monday (ISO week start) of a calendar date. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The costs page on calendar days `from` to `to`. */
export function costsPath(from: string, to: string): string {
  return `/costs?from=${from}&to=${to}`;
}
