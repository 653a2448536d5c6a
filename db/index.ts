import "server-only";
import type Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { readConfig, type Config } from "@/lib/config";
import { openDatabase } from "./connection";
import * as schema from "./schema";

type Handle = { config: Config; sqlite: Database.Database; db: BetterSQLite3Database<typeof schema> };

// One connection per server process, kept across hot reloads in development.
const cache = globalThis as typeof globalThis & { agentDesk?: Handle };

/** The process's connection, opened on first use (never at build time) after the configuration is checked. */
export function database(): Handle {
  if (!cache.agentDesk) {
    const config = readConfig();
    const sqlite = openDatabase(config.databasePath);
    cache.agentDesk = { config, sqlite, db: drizzle(sqlite, { schema }) };
  }
  return cache.agentDesk;
}
