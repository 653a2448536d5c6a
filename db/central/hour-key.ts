import Database from "better-sqlite3";
import { dayKeySql, hourKeySql } from "@/db/aggregates/llm-keys";

// The hour (and day) an event is counted in, computed by SQLite itself with the local desk's own definition
// (db/aggregates/llm-keys.ts), so a central figure and a local one can never differ by how a time was read: a naive
// time keeps its wall-clock hour, one with Z or an offset is keyed by its UTC hour ('U…'), anything else is '?'.

let statement: Database.Statement<{ ts: string }, { hour: string; day: string }> | undefined;

function keys(timestamp: string) {
  statement ??= new Database(":memory:").prepare(`SELECT ${hourKeySql("@ts")} AS hour, ${dayKeySql("@ts")} AS day`);
  return statement.get({ ts: timestamp })!;
}

export const hourKey = (timestamp: string): string => keys(timestamp).hour;
/** The day a time is counted in, the same way ('2026-12-01', 'U2026-12-01', '?'): trades are aggregated by day. */
export const dayKey = (timestamp: string): string => keys(timestamp).day;
