import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { countAllNow } from "@/db/aggregates/count-all";
import { openDatabase } from "@/db/connection";
import { migrateFile } from "@/migrations/migrate-file";

// The trading system's reference writer (its make_upstream_db.py), kept in the repository so the
// tests run wherever the project is cloned.
const MAKE_UPSTREAM_DB = path.resolve(process.cwd(), "db", "testing", "make_upstream_db.py");
export const UPSTREAM_TABLES = [
  "trades",
  "agent_performance",
  "llm_usage_log",
  "model_evolution_history",
  "system_metrics",
] as const;

/** A fresh temporary folder for one test's files. */
export function tempDir(prefix = "agent-desk-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A file written by the trading system's own Python code path (stdlib sqlite3, one connection per write). */
export function makeUpstreamDb(file: string, args: string[] = []): string {
  execFileSync("python3", [MAKE_UPSTREAM_DB, file, ...args], { stdio: "pipe" });
  return file;
}

/** sha256 of every row of each table, in rowid order, values exactly as stored (typeof included). */
export function tableChecksums(file: string, tables: readonly string[] = [...UPSTREAM_TABLES, "schema_version"]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      tables.map((table) => {
        const hash = createHash("sha256");
        const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        const select = columns.map((c) => `typeof("${c}"), quote("${c}")`).join(", ");
        for (const row of db.prepare(`SELECT ${select} FROM ${table} ORDER BY rowid`).raw().iterate()) {
          hash.update(JSON.stringify(row));
        }
        return [table, hash.digest("hex")];
      }),
    );
  } finally {
    db.close();
  }
}

export function fileSha(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/**
 * A file the trading system's writer made, migrated as npm start would, with a writable copy of the bundled agent
 * config, set as this process's DATABASE_PATH and AGENT_CONFIG_PATH: what the command and fault tests run against.
 */
export async function useTradingFile(args: string[] = []): Promise<{ file: string; configFile: string }> {
  const dir = tempDir();
  const file = makeUpstreamDb(path.join(dir, "trading.db"), args);
  await migrateFile(file, { log: () => {}, timeZone: "Asia/Seoul" });
  const configFile = path.join(dir, "agent_llm_mapping.yaml");
  fs.copyFileSync(BUNDLED_AGENT_CONFIG_PATH, configFile);
  Object.assign(process.env, { DATABASE_PATH: file, AGENT_CONFIG_PATH: configFile, DATA_TIMEZONE: "Asia/Seoul" });
  return { file, configFile };
}

/** Counts everything waiting in `file` into Agent Desk's aggregates, as the server's background count does. */
export function countNow(file: string, timeZone = "Asia/Seoul"): void {
  const db = openDatabase(file);
  try {
    countAllNow(db, { timeZone });
  } finally {
    db.close();
  }
}
