import { getTableName, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { llmUsageLog } from "@/db/schema";
import { zoneOffsetMs } from "@/lib/event-time";
import { naiveSql, zonedSql } from "./llm-keys";

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
      AND NOT ${sql.raw(zonedSql(columnRef(column)))} AND ${sql.raw(naiveSql(columnRef(column)))})`;
  // Four terms of one OR, each served by its own index (a nested OR would make SQLite scan the log).
  const zoned = (candidates: SQL) =>
    sql`(${candidates} AND ${sql.raw(zonedSql(columnRef(column)))} AND unixepoch(${column}, 'subsec') * 1000 >= ${fromMs} AND unixepoch(${column}, 'subsec') * 1000 < ${toMs})`;
  const counted = sql`${llmUsageLog.id} IN (SELECT id FROM agent_desk_llm_zoned WHERE instant_ms >= ${fromMs} AND instant_ms < ${toMs})`;
  const uncounted = sql`${llmUsageLog.id} >= (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')`;
  return sql`(${naive("T")} OR ${naive(" ")} OR ${zoned(counted)} OR ${zoned(uncounted)})`;
}

/**
 * An instant as naive wall-clock text in `zone`, shaped so that text comparison with Python's isoformat() is
 * exact: the fraction only when there is one (`12:00:00` must not sort before a bound of `12:00:00.000`).
 */
export function wallText(instantMs: number, zone: string, separator: "T" | " "): string {
  const iso = new Date(instantMs + zoneOffsetMs(instantMs, zone)).toISOString();
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}${ms === "000" ? "" : `.${ms}`}`;
}

/** The column as qualified SQL text, for the shared key expressions of llm-keys.ts. */
export function columnRef(column: SQLiteColumn): string {
  return `"${getTableName(column.table)}"."${column.name}"`;
}
