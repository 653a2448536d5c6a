import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

const DAY_MS = 86_400_000;

/**
 * `column` holds an event time at or after `instantMs`, exactly, whatever the mix of formats, while letting SQLite
 * use the column's index. Every format starts with its wall-clock date, and no zone is more than 14 h from UTC,
 * so rows dated two days or more after the cutoff's UTC date are surely inside and rows dated two days or more
 * before are surely outside; only the rows in between are parsed, by `event_ms` (db/event-time-function.ts).
 */
export function atOrAfter(column: SQLiteColumn, instantMs: number): SQL {
  const [lo, hi] = band(instantMs);
  return sql`(${column} >= ${lo} AND (${column} >= ${hi} OR event_ms(${column}) >= ${instantMs}))`;
}

/** `column` holds an event time strictly before `instantMs`; the mirror of `atOrAfter`. */
export function before(column: SQLiteColumn, instantMs: number): SQL {
  const [lo, hi] = band(instantMs);
  return sql`(${column} < ${hi} AND (${column} < ${lo} OR event_ms(${column}) < ${instantMs}))`;
}

function band(instantMs: number): [string, string] {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [day(instantMs - 2 * DAY_MS), day(instantMs + 2 * DAY_MS)];
}
