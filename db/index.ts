import "server-only";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { BUNDLED_AGENT_CONFIG_PATH, readConfig, type Config } from "@/lib/server/config";
import { replicaAgentConfigFile, replicaFile } from "./replica/replica-files";
import { pendingMigrations } from "@/migrations/migrate-file";
import { openDatabase } from "./connection";
import * as schema from "./schema";

type Handle = {
  config: Config;
  sqlite: Database.Database;
  db: BetterSQLite3Database<typeof schema>;
  file: { dev: number; ino: number };
};

// Connections per server process, kept across hot reloads in development: pages read through one opened read-only
// per file (a read can never write, whoever sends it), and the operator's commands write through another, on this
// desk's own file only. On a central desk each system's read replica (db/replica/) is one more file pages read.
const cache = globalThis as typeof globalThis & {
  agentDeskHandles?: Map<string, Handle>;
  agentDeskConfig?: Config;
  agentDeskCurrentFiles?: Set<string>;
};

/** The checked configuration, read once per process; reading it never touches the database file. */
export function appConfig(): Config {
  cache.agentDeskConfig ??= readConfig();
  return cache.agentDeskConfig;
}

/** The database file is not there: pages say so, writes are refused, and the server carries on until it is back. */
export class DatabaseUnavailable extends Error {
  readonly code = "ENOENT";
}

/**
 * Which file a read is of: this desk's own (`system` null or absent: DATABASE_PATH), or on a central desk one
 * system's read replica, as the request's `?system=` chose (every RequestClock says it).
 */
export type ReadSource = { readonly system?: string | null };

/**
 * The read-only connection pages and the API read through, opened on first use (never at build time). The file can
 * be removed, restored or replaced while the server runs: a missing file throws DatabaseUnavailable (it is never
 * created again behind the trading system's back), and a different file at the path (a restored backup) is opened
 * in place of the old one once it has Agent Desk's current schema (the background count migrates it first).
 */
export function database(source: ReadSource): Handle {
  if (!source.system) return connection(appConfig(), true);
  const config = appConfig();
  const agentConfig = replicaAgentConfigFile(config.fleetReplicaDir, source.system);
  // The config the system's shipper sent, else the bundled one (a shipper run without --config sends none).
  const sent = fs.existsSync(agentConfig);
  return connection(
    {
      ...config,
      databasePath: databaseFile(source),
      agentConfigPath: sent ? agentConfig : BUNDLED_AGENT_CONFIG_PATH,
      agentConfigIsTradingSystems: sent,
    },
    true,
  );
}

/** This desk's own file: its commands, its alerts (the alert loop measures it) and its banner read it. */
export const OWN_FILE: ReadSource = { system: null };

/** The file a read of `source` reads (it may not be there). */
export function databaseFile(source: ReadSource): string {
  const config = appConfig();
  return source.system ? replicaFile(config.fleetReplicaDir, source.system) : config.databasePath;
}

/** The connection the operator's commands (swaps, rollbacks, reviews) write through; the same rules as database(). */
export function writableDatabase(): Handle {
  return connection(appConfig(), false);
}

function connection(config: Config, readonly: boolean): Handle {
  const stat = statOf(config.databasePath);
  if (!stat) throw new DatabaseUnavailable(`the database file ${config.databasePath} is missing`);
  const handles = (cache.agentDeskHandles ??= new Map());
  const slot = `${readonly ? "read" : "write"} ${config.databasePath}`;
  const open = handles.get(slot);
  if (open && (open.file.dev !== stat.dev || open.file.ino !== stat.ino)) {
    handles.delete(slot);
    open.sqlite.close();
  }
  let handle = handles.get(slot);
  if (!handle) {
    if (awaitsMigration(config.databasePath, stat))
      throw new DatabaseUnavailable(
        `the database file at ${config.databasePath} is being brought to the current schema`,
      );
    // Pages' connection refuses writes at the SQL level (query_only): a connection opened read-only could not
    // recreate a WAL file's -shm after the trading system's last connection removed it.
    const sqlite = openDatabase(config.databasePath, { mustExist: true });
    if (readonly) sqlite.pragma("query_only = ON");
    // Checkpoints are left to the trading system's own connections (README: "WAL on SQLite 3.40"): Agent Desk
    // running one at the moment the trading system runs another is what SQLite's WAL-reset race needs.
    sqlite.pragma("wal_autocheckpoint = 0");
    handle = { config, sqlite, db: drizzle(sqlite, { schema }), file: { dev: stat.dev, ino: stat.ino } };
    handles.set(slot, handle);
  }
  // The config of a replica says where its agent config is now (the shipper may have sent one since it was opened).
  return handle.config === config ? handle : { ...handle, config };
}

/**
 * A file put at the path while the server runs may come from an older Agent Desk (a restored backup): it is read
 * only once its pending migrations are applied. Asked only when a file is first opened, and remembered by identity.
 */
function awaitsMigration(file: string, stat: fs.Stats): boolean {
  const id = `${stat.dev}:${stat.ino}`;
  const current = (cache.agentDeskCurrentFiles ??= new Set());
  if (current.has(id)) return false;
  const pending = pendingMigrations(file).length > 0;
  if (!pending) current.add(id);
  return pending;
}

export type DatabaseProblem = { kind: "missing" | "migrating" | "read-only" | "disk-full" };

// Below this much free space a write (its journal pages and the WAL) may not fit: refuse it before SQLite has to.
const MIN_FREE_BYTES = 8 * 2 ** 20;

/** What is wrong with the database file right now; the banner and the commands put it in the reader's words. */
export function databaseProblem(): DatabaseProblem | null {
  const stat = statOf(appConfig().databasePath);
  if (!stat) return { kind: "missing" };
  if (awaitsMigration(appConfig().databasePath, stat)) return { kind: "migrating" };
  // Mode bits, not access(2): as root every file is writable, yet a file marked read-only is someone's intent.
  if ((stat.mode & 0o222) === 0) return { kind: "read-only" };
  const disk = fs.statfsSync(path.dirname(appConfig().databasePath));
  if (disk.bavail * disk.bsize < MIN_FREE_BYTES) return { kind: "disk-full" };
  return null;
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
