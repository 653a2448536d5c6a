import { OWN_FILE } from "@/db";
// The read side against a file written by the trading system's Python code plus hand-made edge rows, checked
// against figures computed independently from the raw rows (db/testing/expected-figures.py). Runs with TZ=UTC
// to show that naive times are read in DATA_TIMEZONE, not in the server's zone.
process.env.TZ = "UTC";

import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { agentContributionJson } from "@/app/api/_contract/agents";
import { llmUsageJson } from "@/app/api/_contract/llm";
import { tradeStatsJson } from "@/app/api/_contract/trades";
import { countAllNow } from "@/db/aggregates/count-all";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { naiveIso } from "@/lib/event-time";
import { lastDays } from "@/lib/period";
import { migrate } from "@/migrations/runner";
import { getAgentContribution, getUnderperformingAgents } from "./agent-contribution";
import { getAgentPerformance } from "./agent-performance";
import { getDataQuality, type DataQualityKind } from "./data-quality";
import { getHealth } from "./health";
import { getLlmUsageStats } from "./llm-usage";
import { getUsageBreakdown } from "./llm-usage-breakdown";
import { getSystemMetrics } from "./system-metrics";
import { getTradeStats } from "./trade-stats";

const ZONE = "Asia/Seoul";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const weekAgo = now - 7 * DAY;
let expected: Record<string, unknown>;

beforeAll(async () => {
  const file = makeUpstreamDb(path.join(tempDir(), "trading_records.db"), ["--days", "40"]);
  const db = openDatabase(file);
  await migrate(db, { log: () => {} });
  const llm = db.prepare(
    "INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) VALUES (?, 'edge_agent', 'claude', 'claude-opus-4-1-20250805', 100, 0.25, 1000, 'final_decision', ?, NULL)",
  );
  llm.run(naiveIso(weekAgo + 3 * HOUR, ZONE), 1); // naive Seoul, 3 h inside the window: counted
  llm.run(naiveIso(weekAgo - 3 * HOUR, ZONE), 1); // naive Seoul, 3 h outside
  llm.run(naiveIso(weekAgo + HOUR + 123, ZONE, " "), 0); // the space form, inside
  llm.run(new Date(weekAgo + 2 * HOUR).toISOString().replace(".000", ""), 1); // Z, inside
  llm.run(`${naiveIso(weekAgo - HOUR, ZONE)}+09:00`, 1); // an offset, outside
  llm.run(`${naiveIso(weekAgo + 5 * 60_000, ZONE)}+09:00`, 1); // an offset, 5 minutes inside

  const trade = db.prepare(
    "INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, pnl_7_days, agent_contributions, decision_confidence, analysis_metadata) VALUES (?, ?, '005930', 'buy', 1, 70000, '테스트', '{}', '{}', ?, ?, ?, ?)",
  );
  const inWindow = naiveIso(now - 10 * DAY, ZONE);
  trade.run("EDGE-NAN", inWindow, 50_000, '{"risk_analyst": NaN, "cio": 0.5}', 0.8, '{"risk_score": NaN}');
  trade.run("EDGE-TEXT", inWindow, -20_000, '{"cio": "high", "flow_analyst": 0.4}', 0, null);
  trade.run("EDGE-BROKEN", inWindow, -10_000, '{"cio": 0.', null, "{broken");
  trade.run(null, inWindow, 5_000, '{"edge_agent": 1}', 0.9, null); // real files hold a NULL trade_id
  trade.run("EDGE-EMPTY", inWindow, 1_000, "{}", 0.6, null);
  countAllNow(db, { timeZone: ZONE }); // what the server's background count does
  db.close();

  process.env.DATABASE_PATH = file;
  process.env.DATA_TIMEZONE = ZONE;
  const script = path.resolve("db/testing/expected-figures.py");
  expected = JSON.parse(execFileSync("python3", [script, file, ZONE, String(now)], { encoding: "utf8" }));
});

describe("get_llm_usage_stats", () => {
  it("counts naive times in the data zone, and Z and offsets by their offset (7 and 30 days)", () => {
    for (const days of [7, 30]) {
      const period = lastDays(days, { now, zone: ZONE });
      const actual = llmUsageJson(getLlmUsageStats({ now, zone: ZONE, period }), period); // the Python code's keys: the API's contract
      expectClose(actual.provider_stats, (expected[`usage_${days}`] as { provider_stats: object }).provider_stats);
      expectClose(actual.agent_stats, (expected[`usage_${days}`] as { agent_stats: object }).agent_stats);
    }
    expect(
      getLlmUsageStats({ now, zone: ZONE, period: lastDays(7, { now, zone: ZONE }) }).agentStats.edge_agent!
        .totalRequests,
    ).toBe(4);
  });
});

describe("the usage breakdown", () => {
  it("has days in the data zone, nearest-rank latency percentiles, and every call in one model group", () => {
    const want = expected.breakdown_30 as {
      daily: Record<string, { calls: number; cost: number }>;
      latency_ms: object;
      failed_requests: number;
      calls: number;
    };
    const got = getUsageBreakdown({ now, zone: ZONE, period: lastDays(30, { now, zone: ZONE }) });
    const daily: Record<string, { calls: number; cost: number }> = {};
    for (const row of got.daily) {
      const day = (daily[row.date!] ??= { calls: 0, cost: 0 });
      day.calls += row.calls;
      day.cost += row.cost;
    }
    expectClose(daily, want.daily);
    // Whole days come from the latency histograms: within 5 % of the exact nearest-rank value.
    for (const p of ["p50", "p95", "p99"] as const) {
      const exact = (want.latency_ms as Record<string, number>)[p]!;
      expect(Math.abs(got.latencyMs[p]! - exact) / exact, p).toBeLessThanOrEqual(0.05);
    }
    expect(got.errors.failedRequests).toBe(want.failed_requests);
    expect(got.byModel.reduce((sum, m) => sum + m.calls, 0)).toBe(want.calls);
    const opus = got.byModel.find((m) => m.model === "opus-4.1")!;
    expect(opus.rawNames.sort()).toEqual(["claude-opus-4-1-20250805", "opus-4.1"]);
  });
});

describe("get_agent_contribution_analysis", () => {
  it("matches the figures computed from the raw rows, skipping and counting what cannot be read", () => {
    for (const days of [7, 30]) {
      const period = lastDays(days, { now, zone: ZONE });
      const { skipped_rows, ...actual } = agentContributionJson(
        getAgentContribution({ now, zone: ZONE, period }),
        period,
      ); // the Python code's keys: the API's contract
      expectClose(actual, expected[`contribution_${days}`]);
      if (days === 30) expect(skipped_rows).toEqual({ unreadable_json: 1, non_numeric_contributions: 2 });
    }
  });

  it("flags underperformers by the same rule, lowest score first", () => {
    const impact = (
      expected.contribution_30 as {
        agent_impact: Record<string, { trades_involved: number; efficiency_score: number }>;
      }
    ).agent_impact;
    const ranked = Object.entries(impact)
      .filter(([, a]) => a.trades_involved >= 3)
      .sort(([, a], [, b]) => a.efficiency_score - b.efficiency_score);
    const threshold = ranked[2]![1].efficiency_score; // strictly below the third: exactly the two worst
    const got = getUnderperformingAgents(
      { now, zone: ZONE, period: lastDays(30, { now, zone: ZONE }) },
      { minTrades: 3, threshold },
    );
    expect(got.map((a) => a.agentName)).toEqual(ranked.slice(0, 2).map(([name]) => name));
    expect(Object.keys(got[0]!).sort()).toEqual([
      "agentName",
      "avgConfidence",
      "efficiencyScore",
      "negativeContribution",
      "tradesInvolved",
    ]);
    expect(
      getUnderperformingAgents(
        { now, zone: ZONE, period: lastDays(30, { now, zone: ZONE }) },
        { minTrades: 3, threshold: -0.1 },
      ).every((a) => a.efficiencyScore < -0.1),
    ).toBe(true);
  });
});

describe("get_trade_statistics", () => {
  it("matches the raw rows, NULL trade_id included", () => {
    expectClose(tradeStatsJson(getTradeStats(OWN_FILE)), expected.trade_stats); // the Python code's keys: the API's contract
  });
});

describe("date-column figures", () => {
  it("take the N calendar days ending today in the data zone", () => {
    expect(
      getAgentPerformance({ now, zone: ZONE, period: lastDays(30, { now, zone: ZONE }) }).map((r) => r.id),
    ).toEqual(expected.performance_30);
    expect(getSystemMetrics({ now, zone: ZONE, period: lastDays(14, { now, zone: ZONE }) }).map((r) => r.date)).toEqual(
      expected.metrics_14,
    );
    const cio = getAgentPerformance({ now, zone: ZONE, period: lastDays(30, { now, zone: ZONE }) }, "cio").map(
      (r) => r.periodEnd,
    );
    expect(cio).toEqual([...cio].sort().reverse());
    expect(getAgentPerformance({ now, zone: ZONE, period: lastDays(30, { now, zone: ZONE }) }, "nobody")).toEqual([]);
  });
});

describe("health", () => {
  it("reports the newest event by instant, whatever its format", () => {
    expect(getHealth({ now, zone: ZONE }).database.lastEventAt).toBe(
      new Date(expected.last_event_ms as number).toISOString(),
    );
  });
});

describe("data quality", () => {
  it("counts the odd rows instead of failing on them", () => {
    const notes = getDataQuality({ now, zone: ZONE });
    const find = (subject: string, kind: DataQualityKind) =>
      notes.find((n) => n.subject === subject && n.kind === kind)?.count;
    expect(find("trades.trade_id", "tradeWithoutId")).toBe(1);
    expect(find("trades.agent_contributions", "nonFiniteJson")).toBe(1);
    expect(find("trades.agent_contributions", "unreadableJson")).toBe(1);
    expect(find("trades.agent_contributions", "nonNumericContributions")).toBe(2); // a string, and the NaN of the NaN row
    expect(find("trades.analysis_metadata", "nonFiniteJson")).toBe(2); // the Python writer's own NaN row too
    expect(find("trades.analysis_metadata", "unreadableJson")).toBe(1);
    expect(find("llm_usage_log.timestamp", "zonedTime")).toBe(3);
    expect(find("agents", "unknownAgents")).toBe(1);
    expect(notes.find((n) => n.kind === "unknownAgents")?.values).toEqual({ agents: "edge_agent" });
  });
});

function expectClose(actual: unknown, want: unknown, where = "body"): void {
  if (typeof want === "number") {
    expect(typeof actual, where).toBe("number");
    expect(actual as number, where).toBeCloseTo(want, 6);
  } else if (want !== null && typeof want === "object") {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(want).sort());
    for (const [key, value] of Object.entries(want))
      expectClose((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  } else {
    expect(actual, where).toEqual(want);
  }
}
