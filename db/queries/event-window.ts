import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { zoneOffsetMs } from "@/lib/event-time";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NAIVE = "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'";

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

/** The row's time compared with the instant: negative before, 0 or more at or after, NULL when it is not a time. */
function exact(column: SQLiteColumn, instantMs: number, zone: string): SQL {
  const wall = new Date(instantMs + zoneOffsetMs(instantMs, zone)).toISOString().slice(0, 23); // naive, with ms
  return sql`(CASE
    WHEN ${column} GLOB '*Z' OR ${column} GLOB '????-??-??[T ]??:??*[+-]??*' THEN unixepoch(${column}, 'subsec') * 1000 - ${instantMs}
    WHEN ${column} GLOB ${sql.raw(NAIVE)} THEN (CASE WHEN replace(${column}, ' ', 'T') >= ${wall} THEN 0 ELSE -1 END)
    END)`;
}

function band(instantMs: number): [string, string] {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [day(instantMs - 15 * HOUR_MS), day(instantMs + 15 * HOUR_MS + DAY_MS)];
}
