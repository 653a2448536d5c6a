import fs from "node:fs";
import Database from "better-sqlite3";
import { countAllNow } from "@/db/aggregates/count-all";
import { openDatabase } from "@/db/connection";
import { migrate, MigrationError, plan } from "./runner";
import { verify, type Drift } from "./verify";

type Log = (line: string) => void;

/**
 * `db:migrate`: brings the file at `file` to the current schema (creating it and its folders when missing) and fills
 * the LLM aggregates; given the DATA_TIMEZONE to cut days in, the trade aggregates too. `count: false` (npm start,
 * a restored file) leaves the counting to the server's background count, so a big file is served at once.
 */
export async function migrateFile(
  file: string,
  {
    dryRun = false,
    log = console.log,
    timeZone,
    count = true,
  }: { dryRun?: boolean; log?: Log; timeZone?: string; count?: boolean } = {},
) {
  if (dryRun) {
    if (!fs.existsSync(file)) log(`would create ${file} with the full schema`);
    const db = fs.existsSync(file) ? openDatabase(file, { readonly: true }) : new Database(":memory:");
    try {
      await migrate(db, { dryRun: true, log });
    } finally {
      db.close();
    }
    return;
  }
  const db = openDatabase(file);
  try {
    switchToWal(db, log);
    await migrate(db, { log });
    reportDrift(await verify(db), log);
    if (!count) return;
    countAllNow(db, { timeZone, log }); // resumes where an interrupted count stopped; nothing to do when complete
  } finally {
    db.close();
  }
}

/**
 * Puts the file in WAL mode, on purpose and once (the mode is kept in the file): readers never block the trading
 * system's writer and it never blocks them, so a dashboard under load cannot make its INSERTs wait or fail with
 * "database is locked". What it means for the trading system is in the README ("Beside a live trading system").
 */
function switchToWal(db: Database.Database, log: Log) {
  const mode = String(db.pragma("journal_mode", { simple: true }));
  if (mode === "wal" || mode === "memory") return;
  // SQLite answers with the mode the file is in afterwards: the switch needs the file to itself, so while another
  // connection has it open in a transaction it stays as it was, and saying "wal" then would be a lie.
  let now = mode;
  try {
    now = String(db.pragma("journal_mode = WAL", { simple: true }));
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error; // busy past the busy timeout: as it was
  }
  if (now === "wal") log(`journal mode: wal (was ${mode})`);
  else
    log(
      `note: journal mode stays ${now}: another connection had the file busy; Agent Desk tries again on its next start (until then a long read can make the trading system's writes wait)`,
    );
}

/** The migrations not yet applied to the file at `file` (read-only; none for a file that is not there). */
export function pendingMigrations(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const db = openDatabase(file, { readonly: true });
  try {
    return plan(db).pending.map((m) => m.name);
  } finally {
    db.close();
  }
}

/** `db:migrate --verify`: throws when a migration is pending or the schema differs from the migrations'. */
export async function verifyFile(file: string, log: Log = console.log) {
  if (!fs.existsSync(file)) throw new MigrationError(`${file} does not exist; run db:migrate to create it`);
  const db = openDatabase(file, { readonly: true });
  try {
    const drift = await verify(db);
    if (drift.pending.length > 0) throw new MigrationError(`pending migrations: ${drift.pending.join(", ")}`);
    reportDrift(drift, log);
    log(`${file} matches the migrations`);
  } finally {
    db.close();
  }
}

/**
 * Refuses on drift in words naming each object; what the file has beyond the migrations (the trading system's own
 * tables, indexes and columns included) is its business and only noted.
 */
function reportDrift(drift: Drift, log: Log) {
  for (const object of drift.extra) log(`note: ${object} is not made by any migration (left as it is)`);
  const missing = (key: string) => {
    const column = /^column ([^.]+)\.(.+)$/.exec(key);
    return column ? `table ${column[1]} lacks column ${column[2]}, which Agent Desk reads` : `${key} is missing`;
  };
  const wrong = [...drift.missing.map(missing), ...drift.changed.map((o) => `${o} differs`)];
  if (wrong.length > 0) throw new MigrationError(`the schema differs from the migrations: ${wrong.join("; ")}`);
}
