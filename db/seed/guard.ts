import fs from "node:fs";
import type Database from "better-sqlite3";
import { openDatabase } from "@/db/connection";
import { SeedError } from "./seed-error";

/** The trading system's own tables: the seeder writes only where every one of them is empty. */
export const TRADING_TABLES = [
  "trades",
  "llm_usage_log",
  "agent_performance",
  "model_evolution_history",
  "system_metrics",
] as const;
export type TradingTable = (typeof TRADING_TABLES)[number];

/**
 * `PRAGMA application_id` of a file the seeder created ("AgDk"). The trading system never sets one (its files read
 * 0) and no migration does, so the mark tells Agent Desk's demo from any file the trading system uses, rows or not.
 */
export const DEMO_APPLICATION_ID = 0x4167446b;

function filledTables(db: Database.Database): TradingTable[] {
  return TRADING_TABLES.filter((table) => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return exists !== undefined && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  });
}

/** Throws unless `db` is the seeder's own demo with every trading table empty. */
export function assertSeedable(db: Database.Database, file: string): void {
  if (db.pragma("application_id", { simple: true }) !== DEMO_APPLICATION_ID) {
    throw new SeedError(
      `${file} was not made by db:seed; it writes demo data only into a new file or its own empty demo, never into a file the trading system may use`,
    );
  }
  const filled = filledTables(db);
  if (filled.length > 0) {
    throw new SeedError(
      `${file} already holds rows in ${filled.join(", ")}; db:seed writes demo data only into a new file or its own empty demo`,
    );
  }
}

/**
 * Checked before anything else, so a file the trading system may use is not even migrated (which would back it up
 * and add tables): an existing file is only read; a missing or empty one is created and marked as the demo.
 */
export function claimDemoFile(file: string): void {
  const isNew = !fs.existsSync(file) || fs.statSync(file).size === 0;
  const db = openDatabase(file, { readonly: !isNew });
  try {
    if (!isNew) return assertSeedable(db, file);
    db.transaction(() => {
      // Looked at again under the write lock: whoever created the file in between owns it.
      if (db.prepare("SELECT 1 FROM sqlite_master").get() !== undefined)
        throw new SeedError(`${file} was just created by another program; db:seed leaves it alone`);
      db.pragma(`application_id = ${DEMO_APPLICATION_ID}`);
    }).immediate();
  } finally {
    db.close();
  }
}
