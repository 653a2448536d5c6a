import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { seedFile } from ".";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-seed-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file as the trading system leaves it: its own schema only, and one trade. */
function tradingSystemFile(name: string): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  db.exec(fs.readFileSync(path.join(process.cwd(), "migrations", "0001_upstream_schema.sql"), "utf8"));
  db.prepare(
    `INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before)
     VALUES ('ORD-20250919-001', '2025-09-19T10:00:00.5', '005930', 'buy', 10, 71000.0, '매수', '{"kospi": 2650}', '{"cash": 1000000}')`,
  ).run();
  db.close();
  return file;
}

const checksum = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

function dbSeed(...args: string[]) {
  return spawnSync("npx", ["tsx", "scripts/db-seed.ts", ...args], { cwd: process.cwd(), encoding: "utf8" });
}

describe("db:seed never writes into a file that holds the trading system's data", () => {
  test("seedFile refuses before migrating: not a byte changes, no backup is made", async () => {
    const file = tradingSystemFile("real.db");
    const before = checksum(file);
    const agentConfig = loadAgentConfig(BUNDLED_AGENT_CONFIG_PATH);
    const seeding = seedFile(file, {
      days: 90,
      llmRows: undefined,
      trades: undefined,
      seed: 1,
      end: "2025-09-19",
      timeZone: "Asia/Seoul",
      agentConfig,
    });
    await expect(seeding).rejects.toThrow(`${file} was not made by db:seed`);
    expect(checksum(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, "backups"))).toBe(false);
  });

  test("the command exits 1 with one line, leaving the file as it was", () => {
    const file = tradingSystemFile("real-cli.db");
    const before = checksum(file);
    const result = dbSeed("--db", file, "--end", "2025-09-19");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `error: ${file} was not made by db:seed; it writes demo data only into a new file or its own empty demo, never into a file the trading system may use\n`,
    );
    expect(checksum(file)).toBe(before);
  });
});

describe("the db:seed command", () => {
  test("seeds a new file and prints rows per table", () => {
    const result = dbSeed(
      "--db",
      path.join(dir, "new", "demo.db"),
      "--days",
      "14",
      "--end",
      "2025-09-19",
      "--seed",
      "3",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seeded .*demo\.db: 14 days to 2025-09-19 \(Asia\/Seoul\), seed 3, in [\d.]+ s/);
    for (const table of ["trades", "llm_usage_log", "agent_performance", "model_evolution_history", "system_metrics"]) {
      expect(result.stdout).toMatch(new RegExp(`${table} +[\\d,]+`));
    }
  });

  test("rejects a bad number with one line and writes nothing", () => {
    const file = path.join(dir, "never.db");
    const result = dbSeed("--db", file, "--days", "0");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("error: --days must be a whole number from 1 to 3650, not '0'\n");
    expect(fs.existsSync(file)).toBe(false);
  });
});
