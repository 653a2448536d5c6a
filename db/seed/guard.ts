import fs from "node:fs";
import type Database from "better-sqlite3";
import { openDatabase } from "@/db/connection";
import { SeedError } from "./seed-error";

/** The trading system's own tables: the seeder writes only where every one of them is empty. */
export const TRADING_TABLES = ["trades", "llm_usage_log", "agent_performance", "model_evolution_history", "system_metrics"] as const;
export type TradingTable = (typeof TRADING_TABLES)[number];

function filledTables(db: Database.Database): TradingTable[] {
  return TRADING_TABLES.filter((table) => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return exists !== undefined && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  });
}

export function assertNoTradingData(db: Database.Database, file: string): void {
  const filled = filledTables(db);
  if (filled.length > 0) {
    throw new SeedError(
      `${file} already holds rows in ${filled.join(", ")}; db:seed writes demo data only into a new or empty database, never into a real one`,
    );
  }
}

/** Checked read-only before anything else, so a real file is not even migrated (which would back it up and add tables). */
export function assertFileHasNoTradingData(file: string): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const db = openDatabase(file, { readonly: true });
  try {
    assertNoTradingData(db, file);
  } finally {
    db.close();
  }
}

/** Undoes a seed that failed part-way; only ever called on tables that were empty when the seed began. */
export function emptyTradingTables(db: Database.Database): void {
  if (db.inTransaction) db.exec("ROLLBACK");
  for (const table of TRADING_TABLES) db.exec(`DELETE FROM ${table}`);
}
