import "server-only";
import fs from "node:fs";
import type Database from "better-sqlite3";
import { database } from "@/db";
import { alertStatus } from "@/db/background/alert-loop";
import { llmAdoption } from "@/db/aggregates/llm-adoption";
import { uncountedLlmCalls } from "@/db/aggregates/llm-backfill";
import { zonedSql } from "@/db/aggregates/llm-keys";
import { parseEventTime } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";
import { getBackgroundCount } from "./background-count";

const EVENT_TABLES = ["llm_usage_log", "trades", "model_evolution_history"] as const;
const DAY_MS = 86_400_000;

/**
 * What /api/health reports: readable file, its schema version, size and newest event (UTC), and the server's
 * background count (null outside a server: for monitors and `npm run loadtest -- --adopt`). Throws when unreadable.
 */
export function getHealth(clock: RequestClock) {
  const { sqlite } = database(clock);
  const version = sqlite.prepare("SELECT max(version) FROM schema_version").pluck().get() as number | null;
  const newest = Math.max(
    ...EVENT_TABLES.map((table) => newestEventMs(sqlite, table, clock.zone) ?? Number.NEGATIVE_INFINITY),
  );
  return {
    schemaVersion: version,
    counting: getBackgroundCount(clock),
    alerts: alertStatus(),
    database: {
      journalMode: String(sqlite.pragma("journal_mode", { simple: true })),
      sizeBytes: fs.statSync(sqlite.name).size,
      lastEventAt: Number.isFinite(newest) ? new Date(newest).toISOString() : null,
    },
  };
}

export type Health = ReturnType<typeof getHealth>;

/**
 * Rows per table of the trading system, and the newest event of those that log events. The LLM log is counted from
 * its aggregates and the calls not yet in them (counting 10M rows would take a second); the rest directly.
 */
export function getTableStats(clock: RequestClock) {
  const { sqlite, config } = database(clock);
  const count = (sql: string) => (sqlite.prepare(sql).pluck().get() as number | null) ?? 0;
  const rows: Record<string, number | null> = {
    // While a file is adopted the aggregates hold only part of it, and counting 10M rows here takes half a second
    // per request: unknown (null) until the background count is done.
    llm_usage_log: llmAdoption(sqlite)
      ? null
      : count("SELECT total(calls) FROM agent_desk_llm_hourly") + uncountedLlmCalls(sqlite),
    trades: count("SELECT count(*) FROM trades"),
    agent_performance: count("SELECT count(*) FROM agent_performance"),
    model_evolution_history: count("SELECT count(*) FROM model_evolution_history"),
    system_metrics: count("SELECT count(*) FROM system_metrics"),
  };
  return {
    path: config.databasePath,
    tables: Object.entries(rows).map(([table, n]) => {
      const newest = (EVENT_TABLES as readonly string[]).includes(table)
        ? newestEventMs(sqlite, table as (typeof EVENT_TABLES)[number], clock.zone)
        : null;
      return { table, rows: n, newestMs: newest };
    }),
  };
}

/**
 * The newest event of a table by instant. The newest text is found on the timestamp index; formats and zones
 * shift an instant by at most 14 h from its text, so only rows dated within three days of that text can be newer.
 * Among those, naive times in one form sort as text, so one candidate per form is parsed, plus the zoned maximum.
 */
function newestEventMs(sqlite: Database.Database, table: (typeof EVENT_TABLES)[number], zone: string): number | null {
  const top = sqlite.prepare(`SELECT max(timestamp) FROM ${table}`).pluck().get() as string | null;
  if (top === null || !/^\d{4}-\d{2}-\d{2}/.test(top)) return null;
  const from = new Date(Date.parse(top.slice(0, 10)) - 3 * DAY_MS).toISOString().slice(0, 10);
  const zoned = zonedSql("timestamp");
  // The LLM log's counted zoned calls are listed by instant (migrations/0009); only the uncounted few are read.
  const zonedMax =
    table === "llm_usage_log"
      ? `SELECT max(m) FROM (SELECT max(instant_ms) / 1000 AS m FROM agent_desk_llm_zoned UNION ALL SELECT max(unixepoch(timestamp, 'subsec')) FROM llm_usage_log
           WHERE +timestamp >= @from AND ${zoned} AND id >= (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))`
      : `SELECT max(unixepoch(timestamp, 'subsec')) FROM ${table} WHERE timestamp >= @from AND ${zoned}`;
  const candidates = sqlite
    .prepare(
      `SELECT max(timestamp) FROM ${table} WHERE timestamp >= @from AND substr(timestamp, 11, 1) = 'T' AND NOT ${zoned}
       UNION ALL SELECT max(timestamp) FROM ${table} WHERE timestamp >= @from AND substr(timestamp, 11, 1) = ' ' AND NOT ${zoned}
       UNION ALL SELECT strftime('%Y-%m-%dT%H:%M:%fZ', (${zonedMax}), 'unixepoch')`,
    )
    .pluck()
    .all({ from }) as (string | null)[];
  const instants = candidates
    .flatMap((text) => (text === null ? [] : [parseEventTime(text, zone)]))
    .filter((ms): ms is number => ms !== null);
  return instants.length > 0 ? Math.max(...instants) : null;
}
