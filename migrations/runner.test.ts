import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { fileSha, makeUpstreamDb, tableChecksums, tempDir, UPSTREAM_TABLES } from "@/db/testing/upstream-file";
import { readMigrations } from "./migration-files";
import { migrate, rollback } from "./runner";
import { verify } from "./verify";

const quiet = { log: () => {} };
// The baseline keeps the trading system's version 1; every later migration adds the next version.
const ALL_VERSIONS = readMigrations().map((_, i) => i + 1);
const ALL_OWN_TABLES = [
  "agent_desk_alert_channels",
  "agent_desk_alert_deliveries",
  "agent_desk_alert_events",
  "agent_desk_alert_rules",
  "agent_desk_alert_silences",
  "agent_desk_alert_states",
  "agent_desk_backfill",
  "agent_desk_llm_corrections",
  "agent_desk_llm_dirty",
  "agent_desk_llm_errors",
  "agent_desk_llm_hourly",
  "agent_desk_llm_latency",
  "agent_desk_llm_zoned",
  "agent_desk_migrations",
  "agent_desk_reviews",
  "agent_desk_swap_audit",
  "agent_desk_trade_agent_days",
  "agent_desk_trade_changes",
  "agent_desk_trade_contributions",
  "agent_desk_trade_days",
  "agent_desk_trade_zone",
  "agent_desk_trades",
];

async function withDb<T>(file: string, work: (db: Database.Database) => Promise<T> | T): Promise<T> {
  const db = openDatabase(file);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

function rows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const agentDeskTables = (file: string) =>
  rows<{ name: string }>(
    file,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'agent_desk_%' ORDER BY name",
  ).map((r) => r.name);

describe("migrating a file the trading system made", () => {
  it("keeps every row, leaves a backup that opens, and adds one schema_version row", async () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "trading_records.db"));
    const before = tableChecksums(file);

    const lines: string[] = [];
    await withDb(file, (db) => migrate(db, { log: (l) => lines.push(l) }));

    const after = tableChecksums(file);
    for (const table of UPSTREAM_TABLES) expect(after[table], table).toBe(before[table]);
    const versions = rows<{ version: number; description: string }>(
      file,
      "SELECT version, description FROM schema_version ORDER BY version",
    );
    expect(versions.map((v) => v.version)).toEqual(ALL_VERSIONS);
    for (const v of versions.slice(1)) expect(v.description).toMatch(/^Agent Desk: /);
    expect(agentDeskTables(file)).toEqual(ALL_OWN_TABLES);

    const backupLine = lines.find((l) => l.startsWith("backup: "))!;
    const backup = backupLine.slice("backup: ".length);
    expect(path.dirname(backup)).toBe(path.join(dir, "backups"));
    expect(tableChecksums(backup)).toEqual(before);
    expect(fs.readdirSync(path.join(dir, "backups")).some((f) => f.endsWith(".partial"))).toBe(false);
  });

  it("keeps the Python side working: its INSERTs, UPDATEs and SELECT * run on the migrated file", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "5"]);
    await withDb(file, (db) => migrate(db, quiet));
    const counts = UPSTREAM_TABLES.map((t) => rows<{ n: number }>(file, `SELECT count(*) AS n FROM ${t}`)[0]!.n);

    // The trading system's statements, as its DatabaseManager runs them: named columns, one connection each.
    const script = `
import json, sqlite3, sys
from datetime import datetime
def write(sql, args):
    with sqlite3.connect(sys.argv[1]) as c:
        c.execute(sql, args)
now = datetime.now().isoformat()
write("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, pnl_7_days, pnl_30_days, agent_contributions, decision_confidence, analysis_metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      ("ORD-NEW-1", now, "005930", "buy", 3, 71000.0, "매수", json.dumps({"kospi": 2600}), json.dumps({"cash": 1}), None, None, json.dumps({"cio": 1.0}), 0.7, None))
write("UPDATE trades SET pnl_7_days = ? WHERE trade_id = ?", (1500.0, "ORD-NEW-1"))
write("INSERT OR REPLACE INTO agent_performance (agent_name, period_start, period_end, total_decisions, successful_decisions, avg_contribution_score, performance_rating, wins, losses, total_pnl_attributed, confidence_accuracy) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
      ("cio", "2099-01-01", "2099-01-07", 3, 2, 0.5, 70.0, 2, 1, 1000.0, 0.6))
write("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) VALUES (?,?,?,?,?,?,?,?,?,?)",
      (now, "cio", "claude", "opus-4.1", 1000, 0.05, 9000.0, "final_decision", True, None))
write("INSERT INTO model_evolution_history (timestamp, agent_name, old_provider, old_model, new_provider, new_model, reason, performance_improvement, triggered_by, validation_period_days, rollback_threshold) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
      (now, "cio", "claude", "opus-4.1", "claude", "sonnet-4", "test", 0.1, "manual", 7, -0.1))
write("INSERT OR REPLACE INTO system_metrics (date, total_trades, win_rate, total_pnl, total_cost_usd, avg_decision_time_seconds, agent_efficiency_score, model_diversity_index, auto_improvements, human_interventions) VALUES (?,?,?,?,?,?,?,?,?,?)",
      ("2099-01-01", 1, 100.0, 1500.0, 0.05, 30.0, 0.5, 0.6, 0, 1))
conn = sqlite3.connect(sys.argv[1])
for table in ${JSON.stringify(UPSTREAM_TABLES)}:
    rows = conn.execute(f"SELECT * FROM {table}").fetchall()
    print(table, len(rows), len(rows[0]) if rows else 0)
`;
    const out = execFileSync("python3", ["-c", script, file], { encoding: "utf8" }).trim().split("\n");
    const grown = out.map((line) => Number(line.split(" ")[1]));
    UPSTREAM_TABLES.forEach((table, i) => expect(grown[i], table).toBeGreaterThan(counts[i]!));
    expect(out.find((l) => l.startsWith("trades "))).toMatch(/ 15$/); // SELECT * still sees its 15 columns
  });

  it("does nothing the second time: same bytes, no new backup", async () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "t.db"), ["--days", "3"]);
    await withDb(file, (db) => migrate(db, quiet));
    const sha = fileSha(file);
    const backups = fs.readdirSync(path.join(dir, "backups"));
    const lines: string[] = [];
    await withDb(file, (db) => migrate(db, { log: (l) => lines.push(l) }));
    expect(fileSha(file)).toBe(sha);
    expect(fs.readdirSync(path.join(dir, "backups"))).toEqual(backups);
    expect(lines.join("\n")).toMatch(/up to date/);
  });

  it("rolls back migration after migration without losing a row, then migrates again", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "4"]);
    const original = tableChecksums(file);
    await withDb(file, (db) => migrate(db, quiet));
    for (let undone = 1; undone < ALL_VERSIONS.length; undone++) {
      await withDb(file, (db) => rollback(db, quiet));
      const versions = rows<{ version: number }>(file, "SELECT version FROM schema_version").map((r) => r.version);
      expect(versions).toEqual(ALL_VERSIONS.slice(0, -undone));
      const now = tableChecksums(file);
      for (const table of UPSTREAM_TABLES) expect(now[table], table).toBe(original[table]);
    }
    expect(tableChecksums(file)).toEqual(original); // schema_version included: each row went with its migration
    expect(agentDeskTables(file)).toEqual(["agent_desk_migrations"]);

    await withDb(file, (db) => migrate(db, quiet));
    expect(rows<{ version: number }>(file, "SELECT version FROM schema_version").map((r) => r.version)).toEqual(
      ALL_VERSIONS,
    );
    expect((await withDb(file, (db) => verify(db))).changed).toEqual([]);
  });

  it("refuses to roll back the trading system's own schema", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "2"]);
    await withDb(file, (db) => migrate(db, quiet));
    for (let i = 1; i < ALL_VERSIONS.length; i++) await withDb(file, (db) => rollback(db, quiet));
    const sha = fileSha(file);
    await expect(withDb(file, (db) => rollback(db, quiet))).rejects.toThrow(/cannot be rolled back/);
    expect(fileSha(file)).toBe(sha);
  });
});

describe("a new path", () => {
  it("gets the full schema, folders included, and verifies clean", async () => {
    const file = path.join(tempDir(), "a", "b", "new.db");
    await withDb(file, (db) => migrate(db, quiet));
    const drift = await withDb(file, (db) => verify(db));
    expect(drift).toEqual({ pending: [], missing: [], changed: [], extra: [] });
    const indexes = rows<{ name: string }>(
      file,
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%' AND name NOT LIKE 'idx_agent_desk_%'",
    );
    expect(indexes).toHaveLength(13);
  });
});

describe("--verify", () => {
  it("reports pending migrations, missing and changed objects, and extra ones", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "2"]);
    expect((await withDb(file, (db) => verify(db))).pending).toEqual(readMigrations().map((m) => m.name));
    await withDb(file, (db) => migrate(db, quiet));
    await withDb(file, (db) => {
      db.exec(
        "DROP INDEX idx_trades_ticker; ALTER TABLE agent_desk_reviews ADD COLUMN mood TEXT; CREATE TABLE someone_elses (x)",
      );
    });
    const drift = await withDb(file, (db) => verify(db));
    expect(drift.missing).toEqual(["index idx_trades_ticker"]);
    expect(drift.changed).toEqual(["table agent_desk_reviews"]);
    expect(drift.extra).toEqual(["table someone_elses"]);

    const cli = spawnSync(
      process.execPath,
      [require.resolve("tsx/cli"), "scripts/db-migrate.ts", "--db", file, "--verify"],
      { encoding: "utf8" },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(
      "error: the schema differs from the migrations: index idx_trades_ticker is missing; table agent_desk_reviews differs",
    );
  });

  it("--dry-run prints the plan and writes nothing", () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "t.db"), ["--days", "2"]);
    const sha = fileSha(file);
    const cli = spawnSync(
      process.execPath,
      [require.resolve("tsx/cli"), "scripts/db-migrate.ts", "--db", file, "--dry-run"],
      { encoding: "utf8" },
    );
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/would apply: 0002_agent_desk_tables .*adds schema_version 2/);
    expect(fileSha(file)).toBe(sha);
    expect(fs.readdirSync(dir)).toEqual(["t.db"]);
  });
});

describe("a migration killed at any instant", () => {
  // node --import tsx: no wrapper process between the test and the one that is killed.
  const kill = (file: string, command: string, at: number) =>
    spawnSync(process.execPath, ["--import", "tsx", "db/testing/kill-at-statement.ts", file, command, String(at)], {
      encoding: "utf8",
    });

  /** The file is intact and wholly at one of the two versions: never half-migrated. */
  function expectIntact(file: string, original: Record<string, string>) {
    const db = new Database(file);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.close();
    }
    const now = tableChecksums(file, UPSTREAM_TABLES);
    for (const table of UPSTREAM_TABLES) expect(now[table], table).toBe(original[table]);
    const recorded = agentDeskTables(file).includes("agent_desk_migrations")
      ? rows<{ name: string }>(file, "SELECT name FROM agent_desk_migrations").map((r) => r.name)
      : [];
    // Each migration's objects exist exactly when it is recorded, and the versions match what is recorded.
    const tables = agentDeskTables(file);
    expect(tables.includes("agent_desk_swap_audit")).toBe(recorded.includes("0002_agent_desk_tables"));
    expect(tables.includes("agent_desk_llm_hourly")).toBe(recorded.includes("0003_llm_aggregates"));
    const versions = rows<{ version: number }>(file, "SELECT version FROM schema_version").map((r) => r.version);
    expect(versions).toEqual(ALL_VERSIONS.slice(0, Math.max(1, recorded.length)));
  }

  for (const command of ["migrate", "rollback"]) {
    it(`${command}: at every statement the file stays intact, and the next run completes it`, async () => {
      const dir = tempDir();
      const pristine = makeUpstreamDb(path.join(dir, "pristine.db"), ["--days", "3"]);
      if (command === "rollback") await withDb(pristine, (db) => migrate(db, quiet));
      const original = tableChecksums(pristine, UPSTREAM_TABLES);
      for (let at = 1; ; at++) {
        const file = path.join(dir, `kill-${at}.db`);
        fs.copyFileSync(pristine, file);
        const result = kill(file, command, at);
        expectIntact(file, original);
        if (result.signal !== "SIGKILL") {
          expect(result.stdout + result.stderr).toMatch(/completed/);
          expect(at).toBeGreaterThan(3);
          break;
        }
        await withDb(file, (db) => migrate(db, quiet));
        expect((await withDb(file, (db) => verify(db))).changed).toEqual([]);
        expectIntact(file, original);
      }
    });
  }
});
