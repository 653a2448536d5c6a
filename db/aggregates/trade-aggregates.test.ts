import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { parseEventTime } from "@/lib/event-time";
import { parsePythonJson } from "@/lib/lenient-json";
import { migrateFile } from "@/migrations/migrate-file";
import { catchUpTradeAggregates, rebuildTradeAggregates, tradeAggregatesCurrent } from "./trade-facts";
import { TradeWindow } from "./trade-fact-reader";

const ZONE = "Asia/Seoul";
const TABLES = [
  "agent_desk_trades",
  "agent_desk_trade_contributions",
  "agent_desk_trade_days",
  "agent_desk_trade_agent_days",
];

function snapshot(file: string): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all() as unknown[][]]),
    );
  } finally {
    db.close();
  }
}

function rebuilt(file: string, zone = ZONE) {
  const db = openDatabase(file);
  try {
    rebuildTradeAggregates(db, zone);
  } finally {
    db.close();
  }
  return snapshot(file);
}

function catchUp(file: string, zone = ZONE) {
  const db = openDatabase(file);
  try {
    catchUpTradeAggregates(db, zone);
  } finally {
    db.close();
  }
}

// The trading system's writes: new trades in every time format it and others use, Python's NaN, broken JSON and a
// contribution that is not a number; a 7-day PnL arriving for an old trade; a trade moved to another day; a delete.
const PYTHON_WRITES = `
import json, sqlite3, sys
def write(sql, args=()):
    with sqlite3.connect(sys.argv[1]) as c:   # one connection per call, like the trading system
        c.execute(sql, args)
insert = ("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, "
          "portfolio_before, pnl_7_days, agent_contributions, decision_confidence, analysis_metadata) "
          "VALUES (?, ?, '005930', 'buy', 10, 71000, '매수', ?, '{}', ?, ?, 0.7, ?)")
for i, (ts, pnl, contributions, snapshot, meta) in enumerate([
    ("2026-01-05T09:15:00.250000", 1500.0, {"cio": 0.6, "technical_analyst": 0.4}, "{}", "{}"),
    ("2026-01-05 23:59:59.999999", -800.0, {"cio": 0.9, "fundamental_analyst": float("nan")}, "{}", json.dumps({"risk": float("inf")})),
    ("2026-01-05T15:30:00Z", 300.0, {"cio": 1.0}, "{not json", "{}"),
    ("2026-01-06T00:00:00+09:00", None, {"cio": 0.5}, "{}", "{}"),
    ("not a time", 100.0, {"cio": 0.5}, "{}", "{}"),
    ("2026-01-06T10:00:00", 250.0, {"cio": "high", "risk_manager": 0.3}, "{}", "{}"),
]):
    write(insert, (f"T-new-{i}", ts, snapshot, pnl, json.dumps(contributions), meta))
write("UPDATE trades SET pnl_7_days = 4200.5 WHERE trade_id = (SELECT trade_id FROM trades WHERE pnl_7_days IS NULL AND trade_id IS NOT NULL AND timestamp < '2026' LIMIT 1)")
write("UPDATE trades SET timestamp = '2026-01-07T11:00:00' WHERE trade_id = 'T-new-0'")
write("DELETE FROM trades WHERE trade_id = 'T-new-5'")
`;

/**
 * The contribution figures of [from, to) the slow way: every raw trade parsed, as the pages did before the aggregates.
 */
function fromRawRows(db: Database.Database, from: number, to: number) {
  const rows = db
    .prepare("SELECT timestamp, pnl_7_days AS pnl, agent_contributions AS c, decision_confidence AS conf FROM trades")
    .all() as { timestamp: string; pnl: number | null; c: string | null; conf: number | null }[];
  const agents = new Map<string, { trades: number; weighted: number; positive: number; negative: number }>();
  const totals = { trades: 0, with_pnl: 0, pnl: 0, analysed: 0 };
  for (const row of rows) {
    const at = parseEventTime(row.timestamp, ZONE);
    if (at === null || at < from || at >= to) continue;
    totals.trades++;
    if (row.pnl === null) continue;
    totals.with_pnl++;
    totals.pnl += row.pnl;
    const parsed = parsePythonJson(row.c);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== "object") continue;
    totals.analysed++;
    for (const [agent, value] of Object.entries(parsed.value)) {
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const a = agents.get(agent) ?? { trades: 0, weighted: 0, positive: 0, negative: 0 };
      a.trades++;
      a.weighted += value * row.pnl;
      if (row.pnl > 0) a.positive += value * row.pnl;
      else a.negative += value * Math.abs(row.pnl);
      agents.set(agent, a);
    }
  }
  return { totals, agents };
}

describe("trade aggregates", () => {
  it("follow the Python writer's inserts, PnL updates, moves and deletes, equal to a rebuild from scratch", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "20"]);
    await migrateFile(file, { log: () => {}, timeZone: ZONE });
    const trades = (db: string) =>
      new Database(db, { readonly: true }).prepare("SELECT count(*) FROM trades").pluck().get();
    expect(snapshot(file).agent_desk_trades!.length).toBe(trades(file));

    execFileSync("python3", ["-c", PYTHON_WRITES, file]);
    const check = openDatabase(file);
    expect(tradeAggregatesCurrent(check)).toBe(false);
    check.close();
    catchUp(file);
    const kept = snapshot(file);
    expect(kept.agent_desk_trades!.length).toBe(trades(file));
    expect(kept).toEqual(rebuilt(file));

    const db = openDatabase(file);
    const facts = (id: string) =>
      db
        .prepare("SELECT f.* FROM agent_desk_trades f JOIN trades t ON t.rowid = f.trade_rowid WHERE t.trade_id = ?")
        .get(id) as Record<string, unknown>;
    expect(facts("T-new-0")).toMatchObject({
      day: "2026-01-07",
      contributions: 1,
      non_numeric: 0,
      nan_json: 0,
      broken_json: 0,
    });
    expect(facts("T-new-1")).toMatchObject({
      day: "2026-01-05",
      contributions: 1,
      non_numeric: 1,
      nan_json: 0b11,
      broken_json: 0,
    });
    expect(facts("T-new-2")).toMatchObject({ day: "2026-01-06", broken_json: 0b100 }); // 15:30 UTC is past midnight in Seoul
    expect(facts("T-new-4")).toMatchObject({ day: null, event_ms: null });
    expect(
      db.prepare("SELECT count(*) FROM agent_desk_trade_contributions WHERE agent_name = 'risk_manager'").pluck().get(),
    ).toBe(0); // deleted
    db.close();

    // The newest trade deleted and read, then a new one written into its rowid: found as new, not missed.
    const newest = () => new Database(file, { readonly: true }).prepare("SELECT max(rowid) FROM trades").pluck().get();
    const before = newest();
    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as c: c.execute('DELETE FROM trades WHERE rowid = (SELECT max(rowid) FROM trades)')",
      file,
    ]);
    catchUp(file);
    execFileSync("python3", [
      "-c",
      PYTHON_WRITES.replace(/^write\("(UPDATE|DELETE).*$/gm, "").replaceAll("T-new-", "T-again-"),
      file,
    ]);
    expect(newest()).toBeGreaterThanOrEqual(before as number); // the deleted rowid is taken again
    catchUp(file);
    expect(snapshot(file).agent_desk_trades!.length).toBe(trades(file));
    expect(snapshot(file)).toEqual(rebuilt(file));
  });

  it("give the figures of every raw trade, for periods of any length and edge", () => {
    const file = path.join(tempDir(), "seeded.db");
    execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "60", "--trades", "3000"],
      { stdio: "pipe" },
    );
    const db = openDatabase(file);
    catchUpTradeAggregates(db, ZONE);
    const now = Date.now();
    for (const hours of [0.5, 5, 24, 36.25, 24 * 7 + 0.3, 24 * 30, 24 * 59.9, 24 * 400]) {
      const since = now - hours * 3_600_000;
      const window = new TradeWindow(db, ZONE, since, now);
      const slow = fromRawRows(db, since, now);
      const totals = window.totals();
      expect([totals.trades, totals.withPnl, totals.analysed], `${hours} h`).toEqual([
        slow.totals.trades,
        slow.totals.with_pnl,
        slow.totals.analysed,
      ]);
      expect(totals.pnl).toBeCloseTo(slow.totals.pnl, 6);
      const agents = window.agents();
      expect(agents.map((a) => a.agentName).sort()).toEqual([...slow.agents.keys()].sort());
      for (const a of agents) {
        const want = slow.agents.get(a.agentName)!;
        expect(a.trades, `${a.agentName} ${hours} h`).toBe(want.trades);
        expect(a.weightedPnl).toBeCloseTo(want.weighted, 4);
        expect(a.positive).toBeCloseTo(want.positive, 4);
        expect(a.negative).toBeCloseTo(want.negative, 4);
      }
      expect(window.agents("cio")).toEqual(agents.filter((a) => a.agentName === "cio"));
    }
    db.close();
  });

  it("are cut again in a new DATA_TIMEZONE, and again when the trades were renumbered behind their back", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "10"]);
    await migrateFile(file, { log: () => {}, timeZone: ZONE });
    catchUp(file, "America/New_York");
    expect(snapshot(file)).toEqual(rebuilt(file, "America/New_York"));
    expect(snapshot(file)).not.toEqual(rebuilt(file, ZONE));

    // SQLite may renumber a table's rowids on VACUUM ("may": 3.40 keeps them); stand in for it by moving the facts.
    const db = openDatabase(file);
    db.exec(
      "UPDATE agent_desk_trades SET trade_rowid = trade_rowid + 1000 WHERE trade_rowid = (SELECT max(trade_rowid) FROM agent_desk_trades)",
    );
    db.close();
    catchUp(file);
    const ids = (sql: string) => new Database(file, { readonly: true }).prepare(sql).pluck().all();
    expect(ids("SELECT trade_rowid FROM agent_desk_trades ORDER BY 1")).toEqual(
      ids("SELECT rowid FROM trades ORDER BY 1"),
    );
    expect(snapshot(file)).toEqual(rebuilt(file));
  });

  it("a catch-up killed at any statement goes on where it stopped and ends equal to a rebuild", async () => {
    const file = path.join(tempDir(), "big.db");
    execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "30", "--trades", "5000"],
      { stdio: "pipe" },
    );
    const complete = snapshot(file);
    for (const killAt of [2, 900, 14_000, 30_000]) {
      const db = openDatabase(file);
      db.exec("DELETE FROM agent_desk_trade_zone"); // queues every trade again
      db.close();
      const child = spawnSync(process.execPath, [
        "--import",
        "tsx",
        "db/testing/kill-at-statement.ts",
        file,
        "trades",
        String(killAt),
      ]);
      expect(child.signal, child.stderr.toString()).toBe("SIGKILL");
      await migrateFile(file, { log: () => {}, timeZone: ZONE }); // what npm start runs: finishes the catch-up
      expect(snapshot(file)).toEqual(complete);
    }
  });
});
