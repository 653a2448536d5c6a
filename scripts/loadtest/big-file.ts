// The 10M-call files the adopt and correct modes start from, made once and kept in .bench/ (as npm run bench does).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const DIR = path.resolve(".bench");
const CALLS = 10_000_000;
const TRADES = 100_000;

/** The bench's 10M-call, 100k-trade file (seeded by db:seed on first use, about 2 GB and a few minutes). */
export function benchFile(): string {
  const file = path.join(DIR, `llm-${CALLS}-trades-${TRADES}.db`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DIR, { recursive: true });
    console.log(
      `seeding ${file} once (${CALLS.toLocaleString("en-US")} LLM calls, ${TRADES.toLocaleString("en-US")} trades)…`,
    );
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/db-seed.ts",
        "--db",
        file,
        "--days",
        "365",
        "--llm-rows",
        String(CALLS),
        "--trades",
        String(TRADES),
      ],
      { stdio: "inherit" },
    );
  }
  return file;
}

/**
 * The same data as the trading system has it before Agent Desk ever opened it: none of Agent Desk's objects or
 * schema_version rows, rollback journal. Made once from the bench file.
 */
export function tradingSystemFile(): string {
  const file = path.join(DIR, `adopt-llm-${CALLS}-trades-${TRADES}.db`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.partial`;
  fs.copyFileSync(benchFile(), partial);
  const db = new Database(partial);
  const objects = db
    .prepare(
      "SELECT type, name FROM sqlite_master WHERE name LIKE 'agent_desk_%' AND type IN ('trigger', 'index', 'table') ORDER BY type = 'table'",
    )
    .all() as { type: string; name: string }[];
  for (const { type, name } of objects) db.exec(`DROP ${type.toUpperCase()} IF EXISTS ${name}`);
  db.exec("DELETE FROM schema_version WHERE version > 1");
  db.pragma("journal_mode = DELETE");
  db.exec("VACUUM");
  db.close();
  fs.renameSync(partial, file);
  return file;
}

/** A working copy of `source` in a new folder of .bench/ (removed by the caller), without any -wal or -shm. */
export function workingCopy(source: string, name: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(DIR, "run-"));
  const file = path.join(dir, name);
  fs.copyFileSync(source, file);
  return { dir, file };
}
