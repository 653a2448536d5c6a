import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { eq, getTableColumns } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import * as schema from "@/db/schema";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { migrateFile, verifyFile } from "./migrate-file";
import { readMigrations } from "./migration-files";
import { migrate } from "./runner";
import { verify } from "./verify";

const quiet = { log: () => {} };
const DIFFERS = "the schema differs from the migrations: ";

/** Runs statements the way the trading system's own migration script does: Python's stdlib sqlite3, one connection. */
function tradingSystemRuns(file: string, ...statements: string[]) {
  const script =
    "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as conn:\n    for s in sys.argv[2:]: conn.execute(s)\nconn.close()";
  execFileSync("python3", ["-c", script, file, ...statements], { stdio: "pipe" });
}

/** A file the trading system wrote, migrated by Agent Desk as npm start does. */
async function migratedFile(): Promise<string> {
  const file = makeUpstreamDb(path.join(tempDir(), "trading_records.db"), ["--days", "3"]);
  await migrateFile(file, quiet);
  return file;
}

/** What verifyFile logs, or the refusal it throws. */
async function verified(file: string): Promise<{ lines: string[]; refusal?: string }> {
  const lines: string[] = [];
  try {
    await verifyFile(file, (line) => lines.push(line));
    return { lines };
  } catch (error) {
    return { lines, refusal: (error as Error).message };
  }
}

async function driftOf(file: string) {
  const db = openDatabase(file, { readonly: true });
  try {
    return await verify(db);
  } finally {
    db.close();
  }
}

describe("the trading system's own schema changes", () => {
  it("ALTER TABLE trades ADD COLUMN: verifies with a note, the next Agent Desk migration still runs, Drizzle reads and Python writes", async () => {
    // Migrated by the previous Agent Desk (every migration but the last), then the trading system migrates its own.
    const file = makeUpstreamDb(path.join(tempDir(), "trading_records.db"), ["--days", "3"]);
    const db = openDatabase(file);
    await migrate(db, { ...quiet, migrations: readMigrations().slice(0, -1) });
    db.close();
    tradingSystemRuns(file, "ALTER TABLE trades ADD COLUMN risk_note TEXT");

    const migrated: string[] = [];
    await migrateFile(file, { log: (line) => migrated.push(line) });
    expect(migrated).toContain(`applied: ${readMigrations().at(-1)!.name}`);
    const note = "note: column trades.risk_note is not made by any migration (left as it is)";
    expect(migrated).toContain(note);
    expect(await verified(file)).toEqual({ lines: [note, `${file} matches the migrations`] });
    const cli = spawnSync(
      process.execPath,
      [require.resolve("tsx/cli"), "scripts/db-migrate.ts", "--db", file, "--verify"],
      { encoding: "utf8" },
    );
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);

    // The trading system keeps writing through Agent Desk's triggers, its new column included.
    tradingSystemRuns(
      file,
      "INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, risk_note) VALUES ('ORD-RISK', '2025-01-02T10:00:00', '005930', 'buy', 3, 70000.0, '테스트', '{}', '{}', '변동성 높음')",
      "UPDATE trades SET pnl_7_days = 1500.0 WHERE trade_id = 'ORD-RISK'",
    );
    const sqlite = openDatabase(file, { readonly: true });
    try {
      const orm = drizzle(sqlite, { schema });
      const all = orm.select().from(schema.trades).all();
      expect(all).toHaveLength((sqlite.prepare("SELECT count(*) AS n FROM trades").get() as { n: number }).n);
      const [trade] = orm.select().from(schema.trades).where(eq(schema.trades.tradeId, "ORD-RISK")).all();
      expect(trade).toMatchObject({ ticker: "005930", quantity: 3, price: 70000, pnl7Days: 1500 });
      expect(Object.keys(trade!)).toEqual(Object.keys(getTableColumns(schema.trades))); // the schema's columns, no more
    } finally {
      sqlite.close();
    }
  });

  it("a table and indexes of its own, and one of its indexes re-created wider: verifies with notes", async () => {
    const file = await migratedFile();
    tradingSystemRuns(
      file,
      "CREATE TABLE risk_reviews (id INTEGER PRIMARY KEY AUTOINCREMENT, trade_id TEXT NOT NULL, note TEXT)",
      "CREATE INDEX idx_risk_reviews_trade ON risk_reviews(trade_id)",
      "CREATE INDEX idx_llm_usage_model ON llm_usage_log(model, timestamp)",
      // Still looks calls up by timestamp first, which is all Agent Desk's reads ask of it.
      "DROP INDEX idx_llm_usage_timestamp",
      "CREATE INDEX idx_llm_usage_timestamp ON llm_usage_log(timestamp DESC, agent_name)",
    );

    const { lines, refusal } = await verified(file);
    expect(refusal).toBeUndefined();
    expect(lines.sort()).toEqual(
      [
        "note: index idx_llm_usage_model is not made by any migration (left as it is)",
        "note: index idx_risk_reviews_trade is not made by any migration (left as it is)",
        "note: table risk_reviews is not made by any migration (left as it is)",
        `${file} matches the migrations`,
      ].sort(),
    );
    await expect(migrateFile(file, quiet)).resolves.toBeUndefined();
  });

  it("refuses, naming it, when an index Agent Desk's reads rely on is dropped or re-created for other lookups", async () => {
    const file = await migratedFile();
    tradingSystemRuns(
      file,
      "ALTER TABLE trades ADD COLUMN risk_note TEXT",
      "DROP INDEX idx_llm_usage_timestamp",
      "DROP INDEX idx_trades_ticker",
      "CREATE INDEX idx_trades_ticker ON trades(ticker) WHERE action = 'buy'", // partial: no use for every trade
    );
    const expected = `${DIFFERS}index idx_llm_usage_timestamp is missing; index idx_trades_ticker differs`;
    expect((await verified(file)).refusal).toBe(expected);
    await expect(migrateFile(file, quiet)).rejects.toThrow(expected);
  });

  it("refuses, naming it, when a column Agent Desk reads is renamed away", async () => {
    const file = await migratedFile();
    tradingSystemRuns(file, "ALTER TABLE trades RENAME COLUMN pnl_30_days TO pnl_month");
    const drift = await driftOf(file);
    expect(drift.missing).toEqual(["column trades.pnl_30_days"]);
    expect(drift.extra).toEqual(["column trades.pnl_month"]);
    // Its index followed the rename, so it no longer serves lookups by pnl_30_days either.
    expect((await verified(file)).refusal).toBe(
      `${DIFFERS}table trades lacks column pnl_30_days, which Agent Desk reads; index idx_trades_pnl_30_days differs`,
    );
  });

  it("still compares Agent Desk's own objects exactly: a changed agent_desk_* trigger is drift", async () => {
    const file = await migratedFile();
    tradingSystemRuns(
      file,
      "ALTER TABLE trades ADD COLUMN risk_note TEXT",
      "DROP TRIGGER agent_desk_llm_after_update",
      "CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log BEGIN SELECT 1; END",
    );
    expect((await verified(file)).refusal).toBe(`${DIFFERS}trigger agent_desk_llm_after_update differs`);
  });
});
