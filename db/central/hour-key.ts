import Database from "better-sqlite3";
import { hourKeySql } from "@/db/aggregates/llm-keys";

// The hour an LLM call is counted in, computed by SQLite itself with the local desk's own definition
// (db/aggregates/llm-keys.ts), so a central figure and a local one can never differ by how a time was read: a naive
// time keeps its wall-clock hour, one with Z or an offset is keyed by its UTC hour ('U…'), anything else is '?'.

let statement: Database.Statement<{ ts: string }, { hour: string }> | undefined;

export function hourKey(timestamp: string): string {
  statement ??= new Database(":memory:").prepare(`SELECT ${hourKeySql("@ts")} AS hour`);
  return statement.get({ ts: timestamp })!.hour;
}
