import { getTableName, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { naiveSql, zonedSql } from "@/db/aggregates/llm-keys";
import { llmUsageLog } from "@/db/schema";
import { zoneOffsetMs } from "@/lib/event-time";
import type { Period } from "@/lib/period";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * `column` holds an event time at or after `instantMs`, exactly, whatever the mix of formats, while letting SQLite
 * serve the range from the column's index. Every format starts with its wall-clock date and no zone is more than
 * 14 h from UTC, so rows dated before the band are surely out and rows dated after it surely in; only rows within
 * the band (two to three days) are compared exactly, natively: naive times as wall-clock text in `zone` (the
 * space form read as the `T` form), times with Z or an offset by their instant.
 */
export function atOrAfter(column: SQLiteColumn, instantMs: number, zone: string): SQL {
  const [lo, hi] = band(instantMs);
  return sql`(${column} >= ${lo} AND (${column} >= ${hi} OR ${exact(column, instantMs, zone)} >= 0))`;
}

/** `column` holds an event time strictly before `instantMs`; the mirror of `atOrAfter`. */
export function before(column: SQLiteColumn, instantMs: number, zone: string): SQL {
  const [lo, hi] = band(instantMs);
  return sql`(${column} < ${hi} AND (${column} < ${lo} OR ${exact(column, instantMs, zone)} < 0))`;
}

/** `column` holds an event time within the period (`?days=N` takes later ones too: lib/period.ts says why). */
export function withinPeriod(column: SQLiteColumn, period: Period, zone: string): SQL {
  const since = atOrAfter(column, period.startMs, zone);
  return period.openEnd ? since : sql`(${since} AND ${before(column, period.endMs, zone)})`;
}

/** An `event_ms` column (the trade facts') within the period: SQL text binding `@periodStart` and `@periodEnd`, and their values. */
export function eventMsWithin(column: string, period: Period): { sql: string; params: { periodStart: number; periodEnd: number } } {
  return {
    sql: period.openEnd ? `${column} >= @periodStart` : `${column} >= @periodStart AND ${column} < @periodEnd`,
    params: { periodStart: period.startMs, periodEnd: period.endMs },
  };
}

/**
 * `llm_usage_log.timestamp` holds an event time in [fromMs, toMs), for short spans such as a window's edge hours.
 * Naive times (the trading system's) are compared as wall-clock text directly, one index range per separator (a
 * space sorts before a T, so each range admits only its own form); times written with Z or an offset are found by
 * their instant in agent_desk_llm_zoned (migrations/0009) when counted, by id above the watermark when not yet, and
 * each is then compared exactly on the row itself.
 */
export function llmCallWithin(fromMs: number, toMs: number, zone: string): SQL {
  const column = llmUsageLog.timestamp;
  const naive = (separator: "T" | " ") =>
    sql`(${column} >= ${wallText(fromMs, zone, separator)} AND ${column} < ${wallText(toMs, zone, separator)} AND substr(${column}, 11, 1) = ${separator}
      AND NOT ${sql.raw(zonedSql(ref(column)))} AND ${sql.raw(naiveSql(ref(column)))})`;
  // Four terms of one OR, each served by its own index (a nested OR would make SQLite scan the log).
  const zoned = (candidates: SQL) =>
    sql`(${candidates} AND ${sql.raw(zonedSql(ref(column)))} AND unixepoch(${column}, 'subsec') * 1000 >= ${fromMs} AND unixepoch(${column}, 'subsec') * 1000 < ${toMs})`;
  const counted = sql`${llmUsageLog.id} IN (SELECT id FROM agent_desk_llm_zoned WHERE instant_ms >= ${fromMs} AND instant_ms < ${toMs})`;
  const uncounted = sql`${llmUsageLog.id} >= (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')`;
  return sql`(${naive("T")} OR ${naive(" ")} OR ${zoned(counted)} OR ${zoned(uncounted)})`;
}

/** The row's time compared with the instant: negative before, 0 or more at or after, NULL when it is not a time. */
function exact(column: SQLiteColumn, instantMs: number, zone: string): SQL {
  return sql`(CASE
    WHEN ${sql.raw(zonedSql(ref(column)))} THEN unixepoch(${column}, 'subsec') * 1000 - ${instantMs}
    WHEN ${sql.raw(naiveSql(ref(column)))} THEN (CASE WHEN replace(${column}, ' ', 'T') >= ${wallText(instantMs, zone, "T")} THEN 0 ELSE -1 END)
    END)`;
}

/**
 * An instant as naive wall-clock text in `zone`, shaped so that text comparison with Python's isoformat() is
 * exact: the fraction only when there is one (`12:00:00` must not sort before a bound of `12:00:00.000`).
 */
function wallText(instantMs: number, zone: string, separator: "T" | " "): string {
  const iso = new Date(instantMs + zoneOffsetMs(instantMs, zone)).toISOString();
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}${ms === "000" ? "" : `.${ms}`}`;
}

/** The column as qualified SQL text, for the shared key expressions of db/aggregates/llm-keys.ts. */
function ref(column: SQLiteColumn): string {
  return `"${getTableName(column.table)}"."${column.name}"`;
}

function band(instantMs: number): [string, string] {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [day(instantMs - 15 * HOUR_MS), day(instantMs + 15 * HOUR_MS + DAY_MS)];
}
