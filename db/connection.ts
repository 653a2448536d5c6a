import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Opens the trading system's file with the settings every Agent Desk connection shares. The journal mode is left
 * as the file has it: switching it is a decision about the Python writer too, not a side effect of opening.
 */
export function openDatabase(
  file: string,
  options: { readonly?: boolean; mustExist?: boolean } = {},
): Database.Database {
  const mustExist = options.readonly || options.mustExist || false;
  if (!mustExist) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: mustExist });
  // Same patience as the Python side's default, so neither gives up on the other's short write transactions.
  db.pragma("busy_timeout = 5000");
  // The trading system declares no foreign keys; keep enforcement off explicitly rather than by build default.
  db.pragma("foreign_keys = OFF");
  // 32 MB of page cache (SQLite's default is 2 MB): the aggregates and the hot index pages stay in memory.
  db.pragma("cache_size = -32768");
  return db;
}

/**
 * A background loop's own connection (the count, the alerts): it never waits for the trading system's lock (a busy
 * file is tried again a moment later, off the request path) and never checkpoints (the trading system's job: see
 * db/index.ts).
 */
export function openBackgroundConnection(file: string): Database.Database {
  const db = openDatabase(file, { mustExist: true });
  db.pragma("busy_timeout = 0");
  db.pragma("wal_autocheckpoint = 0");
  return db;
}
