import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { fileSha, tempDir } from "@/db/testing/upstream-file";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { migrateFile } from "@/migrations/migrate-file";
import { seedFile, type SeedOptions } from ".";
import { TRADING_TABLES } from "./guard";

const dir = tempDir("agent-desk-seed-guard-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const options: SeedOptions = {
  days: 14,
  llmRows: undefined,
  trades: undefined,
  seed: 5,
  end: "2025-09-19",
  timeZone: "Asia/Seoul",
  agentConfig: loadAgentConfig(BUNDLED_AGENT_CONFIG_PATH),
};

/** The trading system's first run: its stdlib sqlite3 creates the tables (the reference writer's DDL), no rows yet. */
function emptyTradingFile(name: string): string {
  const file = path.join(dir, name);
  const script =
    "import sqlite3, sys; sys.path.insert(0, 'db/testing'); from make_upstream_db import DDL; sqlite3.connect(sys.argv[1]).executescript(DDL)";
  execFileSync("python3", ["-c", script, file]);
  return file;
}

// One trade as the Python writer commits it: a connection of its own, waiting up to 30 s for the write lock.
const PYTHON_TRADE = `import sqlite3, sys
with sqlite3.connect(sys.argv[1], timeout=30) as conn:
    conn.execute("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before) VALUES ('PY-1', '2025-09-19T10:00:00', '005930', 'buy', 1, 71000.0, '매수', '{}', '{}')")`;

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TRADING_TABLES.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

const EMPTY = Object.fromEntries(TRADING_TABLES.map((table) => [table, 0]));

/** A seed that fails once it has written its first 50,000 LLM calls (the first progress line), after `meanwhile`. */
function failingSeed(file: string, meanwhile: () => void = () => {}) {
  return seedFile(file, {
    ...options,
    llmRows: 500_000,
    log: (line) => {
      if (!line.includes("llm_usage_log: 50,000 of")) return;
      meanwhile();
      throw new Error("the disk went away");
    },
  });
}

describe("db:seed writes only into a new file or its own demo", () => {
  test("a trading system's file with no rows yet is refused before anything is written", async () => {
    const file = emptyTradingFile("first-run.db");
    const before = fileSha(file);
    await expect(seedFile(file, options)).rejects.toThrow(`${file} was not made by db:seed`);
    expect(fileSha(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, "backups"))).toBe(false);
  });

  test("so is a file Agent Desk created for the trading system (npm start on a path that did not exist)", async () => {
    const file = path.join(dir, "created-by-start.db");
    await migrateFile(file, { log: () => {} });
    const before = fileSha(file);
    await expect(seedFile(file, options)).rejects.toThrow(`${file} was not made by db:seed`);
    expect(fileSha(file)).toBe(before);
  });

  test("an empty file counts as new", async () => {
    const file = path.join(dir, "touched.db");
    fs.writeFileSync(file, "");
    await seedFile(file, options);
    expect(rowCounts(file).trades).toBeGreaterThan(0);
  });

  test("its own demo can be seeded again after a failed seed, which leaves no row behind", async () => {
    const file = path.join(dir, "demo.db");
    await expect(failingSeed(file)).rejects.toThrow("the disk went away");
    expect(rowCounts(file)).toEqual(EMPTY);
    await seedFile(file, options);
    expect(rowCounts(file).trades).toBeGreaterThan(0);
  });

  test("a demo that holds its data is not seeded twice", async () => {
    const file = path.join(dir, "full-demo.db");
    await seedFile(file, options);
    await expect(seedFile(file, options)).rejects.toThrow(`${file} already holds rows in trades`);
  });

  test("a failed seed undoes only its own rows: a trade the Python writer committed meanwhile stays", async () => {
    const file = path.join(dir, "shared-demo.db");
    let writer: Promise<number | null> | undefined;
    await expect(
      failingSeed(file, () => {
        const python = spawn("python3", ["-c", PYTHON_TRADE, file], { stdio: "inherit" });
        writer = new Promise((resolve) => python.on("exit", resolve));
        // Give the writer two seconds to commit before the seed fails: it does unless the seed holds the write lock.
        const reader = new Database(file, { readonly: true });
        const committed = reader.prepare("SELECT count(*) FROM trades WHERE trade_id = 'PY-1'").pluck();
        for (let waited = 0; waited < 2000 && committed.get() === 0; waited += 50)
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        reader.close();
      }),
    ).rejects.toThrow("the disk went away");
    expect(await writer).toBe(0);
    expect(rowCounts(file)).toEqual({ ...EMPTY, trades: 1 });
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT trade_id FROM trades").pluck().all()).toEqual(["PY-1"]);
    db.close();
  });
});
