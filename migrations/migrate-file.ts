import fs from "node:fs";
import Database from "better-sqlite3";
import { backfillLlmAggregates } from "@/db/aggregates/llm-backfill";
import { catchUpTradeAggregates } from "@/db/aggregates/trade-facts";
import { openDatabase } from "@/db/connection";
import { migrate, MigrationError } from "./runner";
import { verify, type Drift } from "./verify";

type Log = (line: string) => void;

/**
 * `db:migrate`: brings the file at `file` to the current schema (creating it and its folders when missing) and fills
 * the LLM aggregates; given the DATA_TIMEZONE to cut days in (npm start), the trade aggregates too.
 */
export async function migrateFile(file: string, { dryRun = false, log = console.log, timeZone }: { dryRun?: boolean; log?: Log; timeZone?: string } = {}) {
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
    backfillLlmAggregates(db, log); // resumes where an interrupted one stopped; nothing to do when complete
    if (timeZone) catchUpTradeAggregates(db, timeZone, log);
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
  db.pragma("journal_mode = WAL");
  log(`journal mode: wal (was ${mode})`);
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

function reportDrift(drift: Drift, log: Log) {
  for (const object of drift.extra) log(`note: ${object} is not made by any migration (left as it is)`);
  const wrong = [...drift.missing.map((o) => `${o} is missing`), ...drift.changed.map((o) => `${o} differs`)];
  if (wrong.length > 0) throw new MigrationError(`the schema differs from the migrations: ${wrong.join("; ")}`);
}
