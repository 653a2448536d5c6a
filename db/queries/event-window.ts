import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { columnRef, wallText } from "@/db/aggregates/llm-call-time";
import { naiveSql, zonedSql } from "@/db/aggregates/llm-keys";
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

/**
 * An `event_ms` column (the trade facts') within the period: SQL text binding `@periodStart` and `@periodEnd`, and
 * their values.
 */
export function eventMsWithin(
  column: string,
  period: Period,
): { sql: string; params: { periodStart: number; periodEnd: number } } {
  return {
    sql: period.openEnd ? `${column} >= @periodStart` : `${column} >= @periodStart AND ${column} < @periodEnd`,
    params: { periodStart: period.startMs, periodEnd: period.endMs },
  };
}

/** The row's time compared with the instant: negative before, 0 or more at or after, NULL when it is not a time. */
function exact(column: SQLiteColumn, instantMs: number, zone: string): SQL {
  return sql`(CASE
    WHEN ${sql.raw(zonedSql(columnRef(column)))} THEN unixepoch(${column}, 'subsec') * 1000 - ${instantMs}
    WHEN ${sql.raw(naiveSql(columnRef(column)))} THEN (CASE WHEN replace(${column}, ' ', 'T') >= ${wallText(instantMs, zone, "T")} THEN 0 ELSE -1 END)
    END)`;
}

function band(instantMs: number): [string, string] {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [day(instantMs - 15 * HOUR_MS), day(instantMs + 15 * HOUR_MS + DAY_MS)];
}
