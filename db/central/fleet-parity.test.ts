import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { getPeriodSummary } from "@/db/queries/overview";
import { getSpend } from "@/db/queries/overview-series";
import { readCallsAfter, readSmallTable, SMALL_TABLES } from "@/db/ship/source";
import { startPostgres, type PostgresServer } from "@/db/testing/postgres-server";
import { countNow, useTradingFile } from "@/db/testing/upstream-file";
import type { Batch } from "@/lib/fleet/batch";
import { lastDays } from "@/lib/period";
import { readContext, type RequestClock } from "@/lib/read-context";
import { REVIEW_RULE } from "@/lib/review-rule";
import { migratePostgres } from "@/migrations/postgres-runner";
import { getFleetOverview } from "./fleet-overview";
import { ingestBatch } from "./ingest";
import { centralPool, closeCentralPools } from "./pool";

// Parity: a file's figures read by the local desk (SQLite, its aggregates) and the same file's rows shipped into the
// central store (PostgreSQL, its aggregates) are the same figures. The file is the trading system's own writer's,
// with calls added in every time form the file can hold (naive with T or a space, Z, an offset, no time at all).

let server: PostgresServer;
let file: string;
const clock: RequestClock = { now: Date.now(), zone: "Asia/Seoul" };

const ODD_TIMES = `
import sqlite3, sys
from datetime import datetime, timedelta, timezone
c = sqlite3.connect(sys.argv[1])
now = datetime.now(timezone.utc)
rows = []
for i in range(400):
    at = now - timedelta(minutes=37 * i)
    forms = [at.astimezone(timezone(timedelta(hours=9))).replace(tzinfo=None).isoformat(sep=" "),
             at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), at.astimezone(timezone(timedelta(hours=-5))).isoformat(),
             "not a time"]
    rows.append((forms[i % 4], ["cio", "technical_analyst"][i % 2], "gpt", "gpt-5", 800 + i, 0.001 * (i % 13), 250.5 + i, "final_decision", i % 7 != 0))
c.executemany("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
c.commit()
`;

beforeAll(async () => {
  server = await startPostgres();
  const client = await centralPool(server.url).connect();
  await migratePostgres(client, { log: () => {} });
  client.release();
  ({ file } = await useTradingFile(["--days", "45", "--seed", "7"]));
  execFileSync("python3", ["-c", ODD_TIMES, file]);
  countNow(file);
  // Shipped as the shipper reads it, in small batches so that hours are added to across batches.
  const db = new Database(file, { readonly: true });
  let seq = 0;
  for (let after = 0; ;) {
    const calls = readCallsAfter(db, after, 500);
    if (calls.rows.length === 0) break;
    await ingestBatch(centralPool(server.url), "alpha", {
      seq: ++seq,
      rows: { llm_usage_log: calls.rows },
      deleted: {},
    });
    after = calls.lastId;
  }
  const rows: Batch["rows"] = {};
  for (const table of SMALL_TABLES) Object.assign(rows, { [table]: readSmallTable(db, table).rows });
  await ingestBatch(centralPool(server.url), "alpha", { seq: ++seq, rows, deleted: {} });
  db.close();
}, 120_000);

afterAll(async () => {
  await closeCentralPools();
  await server?.stop();
});

describe("the fleet overview of a shipped file equals the local desk's figures for it", () => {
  it.each([7, 30, 1])("LLM spend and trades over the last %i days", async (days) => {
    const period = lastDays(days, clock);
    const local = getPeriodSummary(readContext(clock, period));
    const review = { period: lastDays(REVIEW_RULE.days, clock), minTrades: 1, threshold: 1e12 };
    const [central] = await getFleetOverview(centralPool(server.url), clock, period, review, "alpha");
    expect(central!.llm.calls).toBeGreaterThan(0);
    expect(central!.llm).toEqual({
      calls: local.llm.calls,
      successes: local.llm.successes,
      tokens: local.llm.tokens,
      cost: expect.closeTo(local.llm.costUsd, 9),
    });
    expect(central!.trading).toEqual({
      trades: local.trading.trades,
      withPnl: local.trading.withPnl,
      pnl: expect.closeTo(local.trading.pnl, 6),
      wins: local.trading.wins,
      losses: local.trading.losses,
    });
  });

  it("today's and the last 7 × 24 hours' spend, whose start falls inside an hour", async () => {
    const local = getSpend(clock);
    const [central] = await getFleetOverview(
      centralPool(server.url),
      clock,
      lastDays(7, clock),
      { period: lastDays(30, clock), minTrades: 10, threshold: -0.1 },
      "alpha",
    );
    expect(central!.spend.week).toBeGreaterThan(0);
    expect(central!.spend.today).toBeCloseTo(local.today, 9);
    expect(central!.spend.week).toBeCloseTo(local.week, 9);
  });

  it("the agents to review, under the review rule and under one every agent fails", async () => {
    for (const rule of [
      { minTrades: REVIEW_RULE.minTrades, threshold: REVIEW_RULE.threshold },
      { minTrades: 1, threshold: 1e12 },
    ]) {
      const period = lastDays(REVIEW_RULE.days, clock);
      const local = getUnderperformingAgents(readContext(clock, period), rule);
      const [central] = await getFleetOverview(
        centralPool(server.url),
        clock,
        lastDays(7, clock),
        { period, ...rule },
        "alpha",
      );
      expect(central!.toReview.map((a) => [a.agentName, a.tradesInvolved])).toEqual(
        local.map((a) => [a.agentName, a.tradesInvolved]),
      );
      central!.toReview.forEach((a, i) => expect(a.efficiencyScore).toBeCloseTo(local[i]!.efficiencyScore, 6));
    }
  });
});
