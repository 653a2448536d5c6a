// The JSON API (README "JSON API"), called through its route handlers over a seeded file.
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { CountingLoop } from "@/db/background/counting-loop";
import { tempDir } from "@/db/testing/upstream-file";
import { readMigrations } from "@/migrations/migration-files";
import { AlertLoop } from "@/db/background/alert-loop";
import * as alerts from "./alerts/route";
import * as contribution from "./agents/contribution/route";
import * as mapping from "./agents/mapping/route";
import * as performance from "./agents/performance/route";
import * as underperforming from "./agents/underperforming/route";
import * as evolution from "./evolution/route";
import * as health from "./health/route";
import * as usage from "./llm/usage/route";
import * as metrics from "./system/metrics/route";
import * as tradeStats from "./trades/stats/route";

let file: string;
const get = async (route: { GET: (request: Request) => Response | Promise<Response> }, query = "") => {
  const response = await route.GET(new Request(`http://localhost/api${query}`));
  return { status: response.status, body: await response.json() };
};
const raw = <T>(sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
};

beforeAll(() => {
  file = path.join(tempDir(), "demo.db");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file], { stdio: "pipe" });
  process.env.DATABASE_PATH = file;
});

describe("JSON API bodies", () => {
  it("/api/health", async () => {
    const { status, body } = await get(health);
    expect(status).toBe(200);
    expect(body).toEqual({
      status: "ok",
      schema_version: readMigrations().length,
      database: { journal_mode: "wal", size_bytes: expect.any(Number), last_event_at: expect.any(String) },
      counting: null,
      alerts: null,
    }); // no background count or alert loop runs outside a server
  });

  it("/api/llm/usage defaults to 7 days and has the contract's keys", async () => {
    const { body } = await get(usage);
    expect(body.period_days).toBe(7);
    const provider = Object.values(body.provider_stats)[0] as object;
    expect(Object.keys(provider).sort()).toEqual([
      "avg_response_time",
      "success_rate",
      "successful_requests",
      "total_cost",
      "total_requests",
      "total_tokens",
    ]);
    const agent = Object.values(body.agent_stats)[0] as object;
    expect(Object.keys(agent).sort()).toEqual(["avg_response_time", "total_cost", "total_requests"]);
    const all = (await get(usage, "?days=3650")).body;
    const { n } = raw<{ n: number }>("SELECT count(*) AS n FROM llm_usage_log");
    expect(
      Object.values(all.provider_stats).reduce(
        (sum: number, p) => sum + (p as { total_requests: number }).total_requests,
        0,
      ),
    ).toBe(n);
  });

  it("/api/agents/contribution and /underperforming", async () => {
    const { body } = await get(contribution);
    expect(body.analysis_period_days).toBe(30);
    expect(Object.keys(body).sort()).toEqual([
      "agent_impact",
      "analysis_period_days",
      "skipped_rows",
      "total_trades_analyzed",
    ]);
    const flagged = (await get(underperforming, "?min_trades=10")).body as {
      agent_name: string;
      efficiency_score: number;
    }[];
    expect(flagged.map((a) => a.agent_name).sort()).toEqual(["flow_analyst", "risk_analyst"]);
    expect(flagged[0]!.efficiency_score).toBeLessThanOrEqual(flagged[1]!.efficiency_score);
  });

  it("/api/agents/performance, one agent newest first", async () => {
    const rows = (await get(performance, "?agent=cio&days=90")).body as { agent_name: string; period_end: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.agent_name === "cio")).toBe(true);
    expect(rows.map((r) => r.period_end)).toEqual(
      rows
        .map((r) => r.period_end)
        .sort()
        .reverse(),
    );
    expect((await get(performance, "?agent=nobody")).body).toEqual([]);
  });

  it("/api/agents/mapping follows the swap log", async () => {
    const { agents } = (await get(mapping)).body;
    expect(Object.keys(agents)).toHaveLength(15);
    expect(agents.flow_analyst).toEqual({ provider: "gemini", model: "flash-lite" });
    expect(agents.technical_analyst).toEqual({ provider: "gpt", model: "gpt-5" }); // rolled back
  });

  it("/api/trades/stats is all time", async () => {
    const { body } = await get(tradeStats);
    const { n } = raw<{ n: number }>("SELECT count(*) AS n FROM trades");
    expect(body.total_trades).toBe(n);
    expect(body.win_rate).toBeCloseTo((body.winning_trades / (body.winning_trades + body.losing_trades)) * 100, 9);
  });

  it("/api/evolution adds status, realized_improvement with its interval and observations, and rollback_of", async () => {
    type Row = {
      status: string;
      realized_improvement: number | null;
      realized_interval: [number, number] | null;
      observations: { before: number; after: number };
      rollback_of: number | null;
      validation: { observed: string; before: { trades: number; calls: number } };
    };
    const rows = (await get(evolution)).body as Row[];
    expect(rows).toHaveLength(13);
    for (const row of rows) {
      expect(row).toHaveProperty("status");
      // An interval exactly when there is an estimate, around it; counts of what the verdict is made of.
      expect(row.realized_interval === null).toBe(row.realized_improvement === null);
      if (row.realized_interval) {
        expect(row.realized_interval[0]).toBeLessThanOrEqual(row.realized_improvement!);
        expect(row.realized_interval[1]).toBeGreaterThanOrEqual(row.realized_improvement!);
      }
      const counted = row.validation.observed === "pnl" ? "trades" : "calls";
      expect(row.observations.before).toBe(row.validation.before[counted]);
    }
    expect(rows.filter((r) => r.rollback_of !== null)).toHaveLength(1);
  });

  it("/api/system/metrics, newest date first", async () => {
    const rows = (await get(metrics, "?days=7")).body as { date: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(7);
    expect(rows.map((r) => r.date)).toEqual(
      rows
        .map((r) => r.date)
        .sort()
        .reverse(),
    );
  });
});

describe("/api/alerts", () => {
  it("says what fires and what fired, in English, after the background loop's first check", async () => {
    expect((await get(alerts)).body).toEqual({ active: [], recent: [] }); // nothing checked yet
    const loop = new AlertLoop({
      file,
      zone: "Asia/Seoul",
      settings: () => ({ costLimitDaily: 50, costLimitWeekly: 300, costAlertThreshold: 0.8, autoRollback: false }),
      publicUrl: "http://127.0.0.1:3000",
      telegramApiUrl: "http://127.0.0.1:9",
      log: () => {},
    });
    await loop.evaluate();
    loop.stop();
    type Alert = { rule: string; kind: string; instance: string; state: string; since: string; message: string };
    const { active, recent } = (await get(alerts)).body as { active: Alert[]; recent: Alert[] };
    // The review rule's agents are the ones /api/agents/underperforming flags by default.
    const flagged = (await get(underperforming, "?min_trades=10")).body as { agent_name: string }[];
    expect(
      active
        .filter((a) => a.kind === "review_flag")
        .map((a) => a.instance)
        .sort(),
    ).toEqual(flagged.map((a) => a.agent_name).sort());
    const breached = ((await get(evolution)).body as { id: number; status: string }[]).filter(
      (s) => s.status === "breached",
    );
    expect(active.filter((a) => a.kind === "swap_breached").map((a) => a.instance)).toEqual(
      breached.map((s) => String(s.id)),
    );
    expect(active.length).toBeGreaterThan(0); // the demo's flagged agents
    for (const alert of active) {
      expect(alert).toMatchObject({ state: "firing", rule: expect.stringMatching(/^[\x20-\x7e–×]+$/) });
      expect(alert.message).toMatch(/^[\x20-\x7e→…×—]+$/); // English words, whatever the reader's language
      expect(Date.parse(alert.since)).not.toBeNaN();
    }
    expect(recent.map((r) => `${r.kind} ${r.instance}`).sort()).toEqual(
      active.map((a) => `${a.kind} ${a.instance}`).sort(),
    );
  });
});

describe("what the trading system commits is in the answers within a second", () => {
  it("a trade, a 7-day PnL arriving and an LLM call, each counted by the background count within a second of its commit", async () => {
    const loop = new CountingLoop({ file, zone: "Asia/Seoul" }).start(); // the server's, started at boot (instrumentation.ts)
    const contributionOf = async () =>
      (await get(contribution, "?days=30")).body as {
        total_trades_analyzed: number;
        agent_impact: Record<string, { trades_involved: number }>;
      };
    const callsOf = async () =>
      ((await get(usage, "?days=1")).body as { agent_stats: Record<string, { total_requests: number }> }).agent_stats
        .cio!.total_requests;
    const [before, callsBefore] = [await contributionOf(), await callsOf()];
    const python = `
import json, sqlite3, sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
seoul = datetime.now(ZoneInfo("Asia/Seoul")).replace(tzinfo=None)
def write(sql, args=()):
    with sqlite3.connect(sys.argv[1]) as c:
        c.execute(sql, args)
write("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, "
      "pnl_7_days, agent_contributions, decision_confidence) VALUES ('T-fresh', ?, '005930', 'buy', 1, 70000, '테스트', '{}', '{}', 1234.5, ?, 0.8)",
      ((seoul - timedelta(days=10)).isoformat(), json.dumps({"technical_analyst": 0.7, "newcomer_agent": 0.3})))
write("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) "
      "VALUES (?, 'cio', 'claude', 'opus-4.1', 900, 0.05, 4200, 'final_decision', 1)", (seoul.isoformat(),))`;
    execFileSync("python3", ["-c", python, file]);
    const committed = Date.now();
    await expect.poll(callsOf, { timeout: 1000, interval: 50 }).toBe(callsBefore + 1);
    await expect
      .poll(async () => (await contributionOf()).total_trades_analyzed, { timeout: 1000, interval: 50 })
      .toBe(before.total_trades_analyzed + 1);
    expect(Date.now() - committed).toBeLessThan(1000);
    const after = await contributionOf();
    expect(after.agent_impact.newcomer_agent?.trades_involved).toBe(1);
    expect(after.agent_impact.technical_analyst!.trades_involved).toBe(
      before.agent_impact.technical_analyst!.trades_involved + 1,
    );

    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as c: c.execute(\"UPDATE trades SET pnl_7_days = NULL WHERE trade_id = 'T-fresh'\")",
      file,
    ]);
    await expect
      .poll(async () => (await contributionOf()).total_trades_analyzed, { timeout: 1000, interval: 50 })
      .toBe(before.total_trades_analyzed);
    loop.stop();
  });
});

describe("a bad parameter answers 400 with what is wrong", () => {
  const cases: [string, { GET: (r: Request) => Response | Promise<Response> }, string, RegExp][] = [
    ["days=0", usage, "?days=0", /days must be between 1 and 3650, not 0/],
    ["days=abc", metrics, "?days=abc", /days must be a whole number, not 'abc'/],
    ["days=1.5", contribution, "?days=1.5", /whole number/],
    ["days twice", usage, "?days=7&days=30", /given 2 times/],
    ["min_trades=-1", underperforming, "?min_trades=-1", /min_trades must be between 0/],
    ["threshold=abc", underperforming, "?threshold=abc", /threshold must be a number/],
    ["a huge agent name", performance, `?agent=${"a".repeat(5000)}`, /agent is too long/],
  ];
  for (const [what, route, query, message] of cases) {
    it(what, async () => {
      const { status, body } = await get(route, query);
      expect(status).toBe(400);
      expect(body.error).toMatch(message);
    });
  }
});
