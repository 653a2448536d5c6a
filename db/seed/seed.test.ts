import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { asc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/db/connection";
import {
  agentPerformance,
  llmUsageLog,
  modelEvolutionHistory,
  systemMetrics,
  trades as tradesTable,
  type AgentPerformance,
  type LlmUsage,
  type ModelSwap,
  type SystemMetric,
  type Trade,
} from "@/db/schema";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { seedFile } from ".";
import { modelProfile } from "./models";

const DAY_MS = 86_400_000;
const END = "2025-09-19";
/** The end of the last day in Seoul: the demo's "now". */
const NOW_MS = Date.parse(`${END}T23:59:59.999+09:00`);
const config = loadAgentConfig(BUNDLED_AGENT_CONFIG_PATH);

const PYTHON_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/;
const EVENT_FORMS = [
  PYTHON_ISO,
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+09:00$/,
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
];
const SQLITE_UTC = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** An event time as Agent Desk reads it (README): naive (T or space) in Asia/Seoul, else by its own offset. */
function instantMs(text: string): number {
  return /(Z|[+-]\d\d:\d\d)$/.test(text) ? Date.parse(text) : Date.parse(`${text.replace(" ", "T")}+09:00`);
}

function seoulDate(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** the trading system's get_underperforming_agents over the 30 days before `nowMs`. */
function underperformers(trades: Trade[], nowMs: number): string[] {
  const impact = new Map<string, { involved: number; net: number }>();
  for (const t of trades) {
    if (t.agentContributions === null || t.pnl7Days === null || instantMs(t.timestamp) < nowMs - 30 * DAY_MS) continue;
    for (const [agent, c] of Object.entries(JSON.parse(t.agentContributions) as Record<string, number>)) {
      const entry = impact.get(agent) ?? { involved: 0, net: 0 };
      entry.involved++;
      entry.net += t.pnl7Days > 0 ? c * t.pnl7Days : -c * Math.abs(t.pnl7Days);
      impact.set(agent, entry);
    }
  }
  return [...impact]
    .filter(([, e]) => e.involved >= 10 && e.net / e.involved < -0.1)
    .map(([agent]) => agent)
    .sort();
}

let dir: string;
let db: Database.Database;
let trades: Trade[];
let swaps: ModelSwap[];
let calls: LlmUsage[];
let metrics: SystemMetric[];
let weekly: AgentPerformance[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-seed-"));
  const file = path.join(dir, "demo.db");
  await seedFile(file, {
    days: 90,
    llmRows: undefined,
    trades: undefined,
    seed: 7,
    end: END,
    timeZone: "Asia/Seoul",
    agentConfig: config,
  });
  db = openDatabase(file, { readonly: true });
  const orm = drizzle(db);
  trades = orm.select().from(tradesTable).all();
  swaps = orm.select().from(modelEvolutionHistory).orderBy(asc(modelEvolutionHistory.id)).all();
  calls = orm.select().from(llmUsageLog).orderBy(asc(llmUsageLog.id)).all();
  metrics = orm.select().from(systemMetrics).all();
  weekly = orm.select().from(agentPerformance).orderBy(asc(agentPerformance.periodStart)).all();
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the demo's story", () => {
  test("the 30-day review flags exactly flow_analyst and risk_analyst, also when looked at a few days later", () => {
    expect(underperformers(trades, NOW_MS)).toEqual(["flow_analyst", "risk_analyst"]);
    expect(underperformers(trades, NOW_MS + 3 * DAY_MS)).toEqual(["flow_analyst", "risk_analyst"]);
  });

  test("every swap starts from the model the agent ran just before, its config baseline first", () => {
    const current = new Map(Object.entries(config.agents).map(([agent, a]) => [agent, `${a.provider}/${a.model}`]));
    for (const swap of swaps) {
      expect(`${swap.oldProvider}/${swap.oldModel}`).toBe(current.get(swap.agentName));
      current.set(swap.agentName, `${swap.newProvider}/${swap.newModel}`);
    }
    expect(swaps.length).toBeGreaterThanOrEqual(12);
    expect(new Set(swaps.map((s) => s.triggeredBy))).toEqual(new Set(["automatic", "manual", "scheduled"]));
  });

  test("technical_analyst's move to sonnet-4 was rolled back automatically", () => {
    const swap = swaps.find((s) => s.agentName === "technical_analyst" && s.newModel === "sonnet-4")!;
    const rollback = swaps.find(
      (s) =>
        s.id > swap.id &&
        s.agentName === swap.agentName &&
        s.oldModel === swap.newModel &&
        s.newModel === swap.oldModel,
    );
    expect(rollback).toMatchObject({ triggeredBy: "automatic", newModel: "gpt-5" });
    expect(rollback!.reason).toMatch(/rollback/i);
  });

  test("flow_analyst's cost cut to flash-lite is there, and recent swaps are still in their validation window", () => {
    expect(
      swaps.some((s) => s.agentName === "flow_analyst" && s.oldModel === "flash-2.5" && s.newModel === "flash-lite"),
    ).toBe(true);
    const validating = swaps.filter((s) => instantMs(s.timestamp) + (s.validationPeriodDays ?? 7) * DAY_MS > NOW_MS);
    expect(validating.length).toBeGreaterThanOrEqual(1);
    for (const s of validating) expect(NOW_MS - instantMs(s.timestamp)).toBeLessThan(6 * DAY_MS);
  });

  test("each LLM call uses the model its agent ran at that moment, as an alias or an API id", () => {
    for (const call of calls) {
      const at = instantMs(call.timestamp);
      const last = swaps.filter((s) => s.agentName === call.agentName && instantMs(s.timestamp) <= at).pop();
      const baseline = config.agents[call.agentName]!;
      const expected = last
        ? { provider: last.newProvider, model: last.newModel }
        : { provider: baseline.provider, model: baseline.model };
      expect({ provider: call.provider, model: modelProfile(call.model).alias }).toEqual(expected);
    }
    expect(calls.some((c) => c.model.startsWith("models/") || c.model.startsWith("claude-"))).toBe(true);
  });

  test("trading runs on weekdays call the 11 trading agents; the reflection agents work on Saturdays", () => {
    const weekdayOf = (c: LlmUsage) => new Date(`${seoulDate(instantMs(c.timestamp))}T00:00:00Z`).getUTCDay();
    const reflection = new Set(config.reflectionWorkflow);
    expect(new Set(calls.filter((c) => !reflection.has(c.agentName)).map(weekdayOf))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(calls.filter((c) => reflection.has(c.agentName)).map(weekdayOf))).toEqual(new Set([6]));
    expect(new Set(calls.map((c) => c.agentName)).size).toBe(15);
    const failureRate = calls.filter((c) => !c.success).length / calls.length;
    expect(failureRate).toBeGreaterThan(0.02);
    expect(failureRate).toBeLessThan(0.05);
  });
});

describe("figures that agree with each other", () => {
  test("daily spend stays under the $50 limit, and a recent heavy day passes the 80% alert", () => {
    const perDay = new Map<string, number>();
    for (const c of calls) {
      const date = seoulDate(instantMs(c.timestamp));
      perDay.set(date, (perDay.get(date) ?? 0) + c.costUsd);
    }
    expect(metrics).toHaveLength(90);
    for (const m of metrics) expect(m.totalCostUsd).toBeCloseTo(perDay.get(m.date) ?? 0, 5);
    const costs = [...perDay.values()].sort((a, b) => a - b);
    expect(costs[costs.length - 1]).toBeLessThan(50);
    expect(costs[Math.floor(costs.length / 2)]).toBeGreaterThan(10);
    const lastWeek = metrics.filter((m) => m.date > "2025-09-12");
    expect(Math.max(...lastWeek.map((m) => m.totalCostUsd))).toBeGreaterThan(40);
  });

  test("system_metrics counts each day's trades and the win rate of those with a known PnL", () => {
    for (const m of metrics) {
      const day = trades.filter((t) => seoulDate(instantMs(t.timestamp)) === m.date);
      const known = day.filter((t) => t.pnl7Days !== null);
      const wins = known.filter((t) => t.pnl7Days! > 0).length;
      expect(m.totalTrades).toBe(day.length);
      expect(m.totalPnl).toBe(known.reduce((sum, t) => sum + t.pnl7Days!, 0));
      expect(m.winRate).toBeCloseTo(known.length === 0 ? 0 : (100 * wins) / known.length, 0);
    }
  });

  test("weekly agent rows run Monday to Sunday, only for weeks whose PnL is known, and rate the weak agents lower", () => {
    for (const r of weekly) {
      expect(new Date(`${r.periodStart}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(Date.parse(r.periodEnd) - Date.parse(r.periodStart)).toBe(6 * DAY_MS);
      expect(Date.parse(`${r.periodEnd}T23:59:59+09:00`) + 7 * DAY_MS).toBeLessThan(NOW_MS);
    }
    const lastWeek = weekly.filter((r) => r.periodStart === weekly[weekly.length - 1]!.periodStart);
    const rating = (agent: string) => lastWeek.find((r) => r.agentName === agent)!.performanceRating;
    expect(lastWeek).toHaveLength(15);
    expect(rating("flow_analyst")).toBeLessThan(rating("valuation_analyst"));
    expect(rating("risk_analyst")).toBeLessThan(rating("cio"));
  });
});

describe("values written as the Python side writes them", () => {
  test("event times: Python's isoformat, with about 1% in the other writers' forms; created_at in UTC", () => {
    const events = [...trades, ...calls].map((r) => r.timestamp);
    for (const text of events)
      expect(
        EVENT_FORMS.some((form) => form.test(text)),
        text,
      ).toBe(true);
    const others = calls.filter((c) => !PYTHON_ISO.test(c.timestamp)).length / calls.length;
    expect(others).toBeGreaterThan(0.003);
    expect(others).toBeLessThan(0.03);
    for (const s of swaps) expect(s.timestamp).toMatch(PYTHON_ISO);
    for (const row of [...trades, ...calls]) {
      expect(row.createdAt).toMatch(SQLITE_UTC);
      const utc = new Date(Math.floor(instantMs(row.timestamp) / 1000) * 1000).toISOString();
      expect(row.createdAt).toBe(utc.slice(0, 19).replace("T", " "));
    }
    expect(Math.max(...events.map(instantMs))).toBeLessThanOrEqual(NOW_MS);
  });

  test("PnL arrives a week (a month) after the trade, in KRW", () => {
    for (const t of trades) {
      const age = NOW_MS - instantMs(t.timestamp);
      expect(t.pnl7Days === null).toBe(age < 7 * DAY_MS);
      expect(t.pnl30Days === null).toBe(age < 30 * DAY_MS);
    }
    const pnls = trades.flatMap((t) => (t.pnl7Days === null ? [] : [Math.abs(t.pnl7Days)]));
    expect(Math.max(...pnls)).toBeGreaterThan(100_000);
  });

  test("trades: ORD ids (one missing, as in real files), contributions summing to 1, NaN inside some metadata", () => {
    expect(trades.filter((t) => t.tradeId === null)).toHaveLength(1);
    for (const t of trades) if (t.tradeId !== null) expect(t.tradeId).toMatch(/^ORD-\d{8}-\d{3}$/);
    for (const t of trades.filter((t) => t.agentContributions !== null)) {
      const shares = Object.values(JSON.parse(t.agentContributions!) as Record<string, number>);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    }
    for (const t of trades) if (t.decisionConfidence !== null) expect(t.decisionConfidence).toBeGreaterThanOrEqual(0.4);
    const withNaN = trades.filter((t) => t.analysisMetadata?.includes("NaN"));
    expect(withNaN.length).toBeGreaterThan(0);
    expect(() => JSON.parse(withNaN[0]!.analysisMetadata!)).toThrow();
    expect(trades.some((t) => t.analysisMetadata === null)).toBe(true);
    expect(trades[0]!.justificationText).toMatch(/[가-힣]/);
  });
});
