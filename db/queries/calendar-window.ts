import { and, gte, lte, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { addDays, calendarDate } from "@/lib/event-time";
import type { Period } from "@/lib/period";

/** A date column (`YYYY-MM-DD`, compared as text) within the period's calendar days. */
export function datedWithin(column: SQLiteColumn, period: Period): SQL {
  const since = gte(column, period.first);
  return period.openEnd ? since : and(since, lte(column, period.last))!;
}

/**
 * Every calendar day in `zone` the period's events fall on, one chart bucket each: `from` to `to`, or for
 * `?days=N` the partial day N × 24 h ago through today.
 */
export function periodDays(period: Period, zone: string): string[] {
  const days: string[] = [];
  for (let day = calendarDate(period.startMs, zone); day <= period.last; day = addDays(day, 1)) days.push(day);
  return days;
}
