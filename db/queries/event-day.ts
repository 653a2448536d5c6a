import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The calendar day (`YYYY-MM-DD` in DATA_TIMEZONE) of an event time. Naive times already are wall-clock times
 * in that zone, so their first ten characters are the day; only rows with `Z` or an offset are converted.
 */
export function eventDay(column: SQLiteColumn): SQL<string | null> {
  return sql<string | null>`CASE WHEN ${column} GLOB '*Z' OR ${column} GLOB '????-??-??[T ]??:??*[+-]??*' THEN event_day(${column}) ELSE substr(${column}, 1, 10) END`;
}
