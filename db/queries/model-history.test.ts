import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { countNow, useTradingFile } from "@/db/testing/upstream-file";
import { naiveIso, parseEventTime } from "@/lib/event-time";
import { lastDays } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { getModelHistory } from "./model-history";

const ZONE = "Asia/Seoul";
const DAY_MS = 86_400_000;
const now = Date.now();
const clock = { now, zone: ZONE };
const ctx = readContext(clock, lastDays(30, clock));
let file: string;

beforeAll(async () => {
  ({ file } = await useTradingFile(["--days", "40"]));
  countNow(file);
});

/** The figures of `agent` in [from, to) (naive wall-clock text, as the writer stores times), from the raw rows. */
function fromRawRows(agent: string, from: string, to: string) {
  const db = new Database(file, { readonly: true });
  try {
    const trades = db
      .prepare(
        `SELECT count(*) AS trades, count(t.pnl_7_days) AS n, total(c.value * t.pnl_7_days) AS sum,
                total(c.value * t.pnl_7_days * c.value * t.pnl_7_days) AS sumSquares
         FROM trades AS t, json_each(t.agent_contributions) AS c
         WHERE c.key = ? AND t.timestamp >= ? AND t.timestamp < ?`,
      )
      .get(agent, from, to) as { trades: number; n: number; sum: number; sumSquares: number };
    const calls = db
      .prepare(
        `SELECT count(*) AS calls, total(success = 1) AS successes, total(cost_usd) AS cost FROM llm_usage_log
         WHERE agent_name = ? AND timestamp >= ? AND timestamp < ?`,
      )
      .get(agent, from, to) as { calls: number; successes: number; cost: number };
    const latencies = (
      db
        .prepare(
          "SELECT response_time_ms AS ms FROM llm_usage_log WHERE agent_name = ? AND timestamp >= ? AND timestamp < ? ORDER BY 1",
        )
        .all(agent, from, to) as { ms: number }[]
    ).map((r) => r.ms);
    const swap = db
      .prepare("SELECT timestamp FROM model_evolution_history WHERE agent_name = ? ORDER BY id")
      .pluck()
      .all(agent) as string[];
    return { ...trades, ...calls, p95: latencies[Math.ceil(0.95 * latencies.length) - 1]!, swaps: swap };
  } finally {
    db.close();
  }
}

const expectSame = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe("each agent's model history", () => {
  it("splits a swapped agent's period at its swap and measures each model from the raw rows", () => {
    const { swaps } = fromRawRows("cio", "", "");
    expect(swaps).toHaveLength(1);
    const swapText = swaps[0]!;
    const swapMs = parseEventTime(swapText, ZONE)!;
    const periodStart = naiveIso(ctx.period.startMs, ZONE);
    const periodEnd = naiveIso(ctx.period.endMs, ZONE);

    const cells = getModelHistory(ctx, { agent: "cio" });
    expect(cells.map((c) => [c.model, c.current])).toEqual([
      ["opus-4.1", true],
      ["opus-3.5", false],
    ]);
    const expected = [
      { cell: cells[0]!, raw: fromRawRows("cio", swapText, periodEnd), days: (ctx.period.endMs - swapMs) / DAY_MS },
      { cell: cells[1]!, raw: fromRawRows("cio", periodStart, swapText), days: (swapMs - ctx.period.startMs) / DAY_MS },
    ];
    for (const { cell, raw, days } of expected) {
      expect(raw.trades).toBeGreaterThan(0);
      expect(raw.calls).toBeGreaterThan(0);
      expectSame(cell.days, days);
      expect(cell.trades).toBe(raw.trades);
      expect(cell.score.n).toBe(raw.n);
      expectSame(cell.score.sum, raw.sum);
      expectSame(cell.score.sumSquares, raw.sumSquares);
      expect(cell.calls).toBe(raw.calls);
      expect(cell.successes).toBe(raw.successes);
      expectSame(cell.cost, raw.cost);
      expectSame(cell.costPerTrade!, raw.cost / raw.trades);
      expectSame(cell.successRate!, (raw.successes / raw.calls) * 100);
      expect(Math.abs(cell.p95LatencyMs! - raw.p95) / raw.p95).toBeLessThanOrEqual(0.05);
    }
    // The stretch before the swap has 7-day PnLs known: its score is a sample to judge.
    expect(expected[1]!.raw.n).toBeGreaterThanOrEqual(2);
  });

  it("lists every agent of the mapping, one row per model, an agent never swapped on its config model", () => {
    const all = getModelHistory(ctx);
    expect(all.filter((c) => c.agent === "cio")).toEqual(getModelHistory(ctx, { agent: "cio" }));
    const analyst = all.filter((c) => c.agent === "risk_analyst");
    expect(analyst).toHaveLength(1);
    expect(analyst[0]).toMatchObject({ current: true });
    expectSame(analyst[0]!.days, 30);
    expect(getModelHistory(ctx, { agent: "nobody" })).toEqual([]);
  });
});
