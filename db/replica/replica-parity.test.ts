import { execFileSync } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as contribution from "@/app/api/agents/contribution/route";
import * as mapping from "@/app/api/agents/mapping/route";
import * as performance from "@/app/api/agents/performance/route";
import * as underperforming from "@/app/api/agents/underperforming/route";
import * as evolution from "@/app/api/evolution/route";
import * as health from "@/app/api/health/route";
import * as breakdown from "@/app/api/llm/breakdown/route";
import * as usage from "@/app/api/llm/usage/route";
import * as metrics from "@/app/api/system/metrics/route";
import * as tradeStats from "@/app/api/trades/stats/route";
import { uncountedLlmCalls } from "@/db/aggregates/llm-backfill";
import { pendingLlmCorrections } from "@/db/aggregates/llm-corrections";
import { waitingTradeChanges } from "@/db/aggregates/trade-facts";
import { ReplicaLoop } from "@/db/background/replica-loop";
import { ingestBatch } from "@/db/central/ingest";
import { centralPool, closeCentralPools } from "@/db/central/pool";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getAgentRuns } from "@/db/queries/agent-runs";
import { getAgentStory } from "@/db/queries/agent-story";
import { getModelHistory } from "@/db/queries/model-history";
import { getPeriodComparison } from "@/db/queries/overview";
import { getDailyFigures, getMetricsSummary, getSpend } from "@/db/queries/overview-series";
import { getSwapCostBasis } from "@/db/queries/swap-cost-basis";
import { getSwapDetail } from "@/db/queries/swap-detail";
import { getTradeLog } from "@/db/queries/trade-log";
import { readCallsAfter, readSmallTable, SMALL_TABLES } from "@/db/ship/source";
import { startPostgres, type PostgresServer } from "@/db/testing/postgres-server";
import { forgetServerState } from "@/db/testing/server-state";
import { countNow, tempDir, useTradingFile } from "@/db/testing/upstream-file";
import type { Batch } from "@/lib/fleet/batch";
import { lastDays } from "@/lib/period";
import { readContext, type RequestClock } from "@/lib/read-context";
import { migratePostgres } from "@/migrations/postgres-runner";
import { replicaFile } from "./replica-files";

// A system's pages on a central desk read its read replica, made from what its shipper sent to PostgreSQL: every
// GET API and every page's query answers the same for `?system=alpha` as the local desk over the trading file itself,
// also after calls are corrected, trades deleted and new rows written in the file and shipped again.

let server: PostgresServer;
let file: string;
let configFile: string;
let replicaDir: string;
let loop: ReplicaLoop;
let seq = 0;

/** Ships the whole file as its shipper would (calls by id, the small tables whole), with the ids it no longer has. */
async function shipAll(deleted: Batch["deleted"] = {}) {
  const db = new Database(file, { readonly: true });
  try {
    const pool = centralPool(server.url);
    const source = { calls_behind: 0, newest_call_at: null, skipped_rows: 0, shipper: "test" };
    const agentConfig = fs.readFileSync(configFile, "utf8");
    for (let after = 0; ;) {
      const calls = readCallsAfter(db, after, 2000);
      if (calls.rows.length === 0) break;
      await ingestBatch(pool, "alpha", { seq: ++seq, rows: { llm_usage_log: calls.rows }, deleted: {} });
      after = calls.lastId;
    }
    const rows: Batch["rows"] = {};
    for (const table of SMALL_TABLES) Object.assign(rows, { [table]: readSmallTable(db, table).rows });
    await ingestBatch(pool, "alpha", {
      seq: ++seq,
      rows,
      deleted,
      source: { ...source, agent_config: agentConfig },
    });
  } finally {
    db.close();
  }
}

/** One replica pass, then the replica's own background count until it holds every row. */
async function replicate() {
  await loop.pass();
  expect(loop.status("alpha")?.problem).toBeNull();
  const replica = new Database(replicaFile(replicaDir, "alpha"), { readonly: true });
  try {
    for (const started = Date.now(); Date.now() - started < 60_000;) {
      const corrections = pendingLlmCorrections(replica);
      const waiting = uncountedLlmCalls(replica) + corrections.notes + corrections.keys + waitingTradeChanges(replica);
      if (waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    replica.close();
  }
  throw new Error("the replica's background count did not catch up within a minute");
}

const NEW_ROWS = `
import sqlite3, sys, json
from datetime import datetime
c = sqlite3.connect(sys.argv[1])
now = datetime.now().isoformat()
c.executemany("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (?, ?, 'claude', 'claude-sonnet-4', ?, ?, 900.5, 'analysis', 1)",
    [(now, ["cio", "technical_analyst"][i % 2], 1000 + i, 0.002 * i) for i in range(30)])
c.execute("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, pnl_7_days, agent_contributions) VALUES ('replica-new', ?, '005930', 'buy', 10, 70000.0, 'x', '{}', '{}', 1234.5, ?)",
    (now, json.dumps({"cio": 0.6, "technical_analyst": 0.4})))
c.commit()
`;

const ROUTES = [
  ["/llm/usage?days=1", usage],
  ["/llm/usage?days=7", usage],
  ["/llm/usage?days=30", usage],
  ["/llm/breakdown?days=30", breakdown],
  ["/agents/contribution?days=30", contribution],
  ["/agents/performance?days=90", performance],
  ["/agents/mapping", mapping],
  ["/agents/underperforming?min_trades=1&threshold=1", underperforming],
  ["/evolution", evolution],
  ["/system/metrics?days=30", metrics],
  ["/trades/stats", tradeStats],
] as const;

async function get(route: { GET: (request: Request) => Response | Promise<Response> }, url: string) {
  const response = await route.GET(new Request(`http://127.0.0.1/api${url}`));
  return { status: response.status, body: await response.json() };
}

async function expectApiParity() {
  for (const [url, route] of ROUTES) {
    const local = await get(route, url);
    const central = await get(route, `${url}${url.includes("?") ? "&" : "?"}system=alpha`);
    expect(local.status, url).toBe(200);
    expect(central, url).toEqual(local);
  }
}

beforeAll(async () => {
  server = await startPostgres();
  const client = await centralPool(server.url).connect();
  await migratePostgres(client, { log: () => {} });
  client.release();
  ({ file, configFile } = await useTradingFile(["--days", "45", "--seed", "11"]));
  countNow(file);
  replicaDir = tempDir();
  Object.assign(process.env, { DATABASE_URL: server.url, FLEET_REPLICA_DIR: replicaDir });
  forgetServerState();
  loop = new ReplicaLoop({ pool: centralPool(server.url), dir: replicaDir, zone: "Asia/Seoul", log: () => {} });
  await shipAll();
  await replicate();
}, 180_000);

afterAll(async () => {
  loop?.stop();
  delete process.env.DATABASE_URL;
  delete process.env.FLEET_REPLICA_DIR;
  forgetServerState();
  await closeCentralPools();
  await server?.stop();
});

describe("a system's pages on the central desk", () => {
  it("answer every GET API as the local desk over the file does", async () => {
    await expectApiParity();
    const healthLocal = await get(health, "/health");
    const healthCentral = await get(health, "/health?system=alpha");
    expect(healthCentral.body.schema_version ?? healthCentral.body.schemaVersion).toEqual(
      healthLocal.body.schema_version ?? healthLocal.body.schemaVersion,
    );
  });

  it("give every page's figures as the local desk does", () => {
    const now = Date.now();
    const own: RequestClock = { now, zone: "Asia/Seoul", system: null };
    const alpha: RequestClock = { ...own, system: "alpha" };
    const reads: [string, (clock: RequestClock) => unknown][] = [
      ["overview", (c) => getPeriodComparison(readContext(c, lastDays(30, c)))],
      ["daily figures", (c) => getDailyFigures(readContext(c, lastDays(30, c)))],
      ["metrics summary", (c) => getMetricsSummary(readContext(c, lastDays(30, c)))],
      ["spend", (c) => getSpend(c)],
      ["roster", (c) => getAgentRoster(readContext(c, lastDays(30, c)))],
      ["model history", (c) => getModelHistory(readContext(c, lastDays(90, c)))],
      ["agent story", (c) => getAgentStory(readContext(c, lastDays(30, c)), "technical_analyst")],
      ["runs", (c) => getAgentRuns(c)],
      ["swap cost basis", (c) => getSwapCostBasis(c)],
      ["swap 1", (c) => getSwapDetail(c, 1)],
      ["trade log", (c) => getTradeLog(readContext(c, lastDays(30, c)), {})],
    ];
    for (const [name, read] of reads) expect(read(alpha), name).toEqual(read(own));
  });

  it("follow the file as calls are corrected, trades deleted, columns added and new rows written, once shipped again", async () => {
    const db = new Database(file);
    const gone = db.prepare("SELECT trade_id FROM trades ORDER BY rowid LIMIT 3").pluck().all() as string[];
    db.prepare("DELETE FROM trades WHERE trade_id IN (?, ?, ?)").run(...gone);
    db.exec("UPDATE llm_usage_log SET cost_usd = cost_usd * 3, success = 0 WHERE id % 50 = 0");
    // A trade's PnL filled in a week later, and a day's metrics corrected, as the trading system does.
    db.exec("UPDATE trades SET pnl_7_days = coalesce(pnl_7_days, 0) + 100 WHERE rowid % 5 = 0");
    db.exec("UPDATE system_metrics SET total_pnl = total_pnl + 1, win_rate = 0.5 WHERE id % 3 = 0");
    // The trading system adds columns of its own (its next schema), then writes new rows as its Python writes them.
    db.exec("ALTER TABLE llm_usage_log ADD COLUMN trace_id TEXT; ALTER TABLE trades ADD COLUMN venue TEXT");
    db.close();
    execFileSync("python3", ["-c", NEW_ROWS, file]);
    countNow(file);
    // Calls already sent are sent again whole: what the shipper's correction sweep does for changed blocks.
    await shipAll({ trades: gone });
    await replicate();
    await expectApiParity();
  });

  it("are made again from the store when the replica is deleted, or the store goes back to an older state", async () => {
    const replica = replicaFile(replicaDir, "alpha");
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(replica + suffix, { force: true });
    await replicate();
    await expectApiParity();

    // The store as a restore from an older backup leaves it: every row at or below an older version.
    const pool = centralPool(server.url);
    await pool.query("UPDATE fleet_systems SET version = 1 WHERE system = 'alpha'");
    for (const table of [
      "fleet_llm_calls",
      "fleet_trades",
      "fleet_agent_performance",
      "fleet_system_metrics",
      "fleet_model_swaps",
    ])
      await pool.query(`UPDATE ${table} SET version = 1 WHERE system = 'alpha'`);
    await pool.query("DELETE FROM fleet_deleted_rows WHERE system = 'alpha'");
    const version = () => {
      const db = new Database(replica, { readonly: true });
      try {
        return db.prepare("SELECT version FROM fleet_replica_state").pluck().get();
      } finally {
        db.close();
      }
    };
    expect(version()).toBeGreaterThan(1);
    await loop.pass(); // finds the replica ahead of the store, and removes it
    await replicate(); // makes it again
    expect(version()).toBe(1);
    await expectApiParity();
  });

  it("say when a replica cannot follow the store, and catch up once it can", async () => {
    const replica = replicaFile(replicaDir, "alpha");
    const db = new Database(replica);
    // What a full disk does to the replica's writes, for this one table.
    db.exec(
      "CREATE TRIGGER test_full BEFORE INSERT ON llm_usage_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    );
    execFileSync("python3", ["-c", NEW_ROWS.replace("'replica-new'", "'replica-new-2'"), file]);
    countNow(file);
    await shipAll();
    const before = loop.status("alpha")!.currentAt;
    await loop.pass();
    expect(loop.status("alpha")).toEqual({
      currentAt: before,
      problem: "the replica of alpha could not be brought up to date: database or disk is full",
    });
    db.exec("DROP TRIGGER test_full");
    db.close();
    await replicate();
    expect(loop.status("alpha")!.currentAt).toBeGreaterThan(before!);
    await expectApiParity();
  });

  it("refuse a system that never shipped, and a desk over one file has no systems", async () => {
    expect((await get(usage, "/llm/usage?system=nobody")).status).toBe(404);
    expect((await get(usage, "/llm/usage?system=a&system=b")).status).toBe(400);
    // A central desk without a trading file of its own answers for a named system only (its own alerts and health
    // need none).
    const ownFile = process.env.DATABASE_PATH;
    delete process.env.DATABASE_PATH;
    forgetServerState();
    try {
      expect(await get(usage, "/llm/usage")).toEqual({
        status: 404,
        body: {
          error:
            "this central desk reads no trading file of its own: name one of its systems with system=NAME (/api/fleet lists them)",
        },
      });
      expect((await get(usage, "/llm/usage?system=alpha")).status).toBe(200);
    } finally {
      process.env.DATABASE_PATH = ownFile;
    }
    process.env.DATABASE_URL = "";
    forgetServerState();
    try {
      expect(await get(usage, "/llm/usage?system=alpha")).toEqual({
        status: 404,
        body: { error: "this desk reads one trading file: system= is for a central desk (DATABASE_URL)" },
      });
    } finally {
      process.env.DATABASE_URL = server.url;
      forgetServerState();
    }
  });
});
