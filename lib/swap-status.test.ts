import { describe, expect, it } from "vitest";
import { judgeSwap, type WindowMeasure, validationWindows } from "./swap-status";
import { sampleOf } from "./swap-verdict";

// A window whose observations are `values` (per trade), with `calls` LLM calls of which `successes` succeeded.
const measure = (values: number[], calls = 100, successes = 97): WindowMeasure => {
  const trades = sampleOf(values);
  return {
    trades: trades.n,
    pnlScore: trades.n > 0 ? trades.sum / trades.n : null,
    calls,
    successRate: calls > 0 ? successes / calls : null,
    costUsd: 1,
    samples: { trades, calls: { n: calls, sum: successes, sumSquares: successes } },
  };
};
// Thirty trades around a level, a spread of about 1,000 (KRW × contribution): the kind of window the demo holds.
const around = (level: number) => Array.from({ length: 30 }, (_, i) => level + (i % 2 === 0 ? 1 : -1) * 1000);
const base = { windowEnded: true, rolledBack: false, superseded: false, rollbackThreshold: -0.1, minRequests: 50 };

describe("judgeSwap", () => {
  it("passes a swap whose whole interval lies above the threshold, and gives the estimate and interval", () => {
    const judged = judgeSwap({ ...base, before: measure(around(0)), after: measure(around(2000)) });
    expect(judged.status).toBe("passed");
    expect(judged.basis).toBe("pnl");
    // (2000 − 0) / spread 1,017 (the sample standard deviation of ±1000 over 30) = 1.97
    expect(judged.realizedImprovement).toBeCloseTo(2000 / Math.sqrt((30 * 1000 ** 2) / 29), 9);
    expect(judged.realizedInterval![0]).toBeGreaterThan(-0.1);
    expect(judged.observations).toEqual({ of: "pnl", before: 30, after: 30 });
  });

  it("breaches when the whole interval lies below the threshold, and is inconclusive when it straddles it", () => {
    expect(judgeSwap({ ...base, before: measure(around(0)), after: measure(around(-2000)) }).status).toBe("breached");
    const close = judgeSwap({ ...base, before: measure(around(0)), after: measure(around(-100)) });
    expect(close.status).toBe("inconclusive");
    expect(close.realizedInterval![0]).toBeLessThan(-0.1);
    expect(close.realizedInterval![1]).toBeGreaterThan(-0.1);
    expect(close.verdict).toMatchObject({ outcome: "inconclusive", straddles: true });
  });

  it("falls back to the LLM success rate for agents without trades, relative to the rate before", () => {
    const judged = judgeSwap({ ...base, before: measure([], 2000, 1940), after: measure([], 2000, 1600) });
    expect(judged.basis).toBe("success_rate");
    expect(judged.status).toBe("breached");
    expect(judged.realizedImprovement).toBeCloseTo((0.8 - 0.97) / 0.97, 9);
    expect(judged.observations).toEqual({ of: "success_rate", before: 2000, after: 2000 });
  });

  it("says which window is short of trades, and by how many, for an agent that trades", () => {
    const judged = judgeSwap({ ...base, before: measure(around(0)), after: measure([100, -50], 10, 10) });
    expect(judged).toMatchObject({ status: "inconclusive", realizedImprovement: null, realizedInterval: null });
    expect(judged.verdict).toEqual({
      outcome: "inconclusive",
      estimate: null,
      tooSmall: [{ window: "after", has: 2, needs: 3 }],
    });
  });

  it("names calls, not trades, for an agent that never trades", () => {
    const judged = judgeSwap({ ...base, before: measure([], 20, 20), after: measure([], 80, 78) });
    expect(judged.verdict).toMatchObject({ tooSmall: [{ window: "before", has: 20, needs: 30 }] });
  });

  it("is validating while the window runs, and superseded or rolled back whatever the figures", () => {
    const figures = { before: measure(around(0)), after: measure(around(-3000)) };
    expect(judgeSwap({ ...base, ...figures, windowEnded: false }).status).toBe("validating");
    expect(judgeSwap({ ...base, ...figures, windowEnded: false }).verdict.outcome).toBe("breached");
    expect(judgeSwap({ ...base, ...figures, superseded: true }).status).toBe("superseded");
    expect(judgeSwap({ ...base, ...figures, superseded: true, rolledBack: true }).status).toBe("rolled_back");
  });
});

describe("validation windows", () => {
  const at = (text: string) => Date.parse(text);
  it("start at the first whole hour after the swap and compare with the equal window before the swap's hour", () => {
    const w = validationWindows(at("2026-03-02T10:20:00+09:00"), 7, {
      now: at("2026-03-20T00:00:00Z"),
      zone: "Asia/Seoul",
    });
    expect(w.after).toEqual([at("2026-03-02T11:00:00+09:00"), at("2026-03-09T11:00:00+09:00")]);
    expect(w.before).toEqual([at("2026-02-23T10:00:00+09:00"), at("2026-03-02T10:00:00+09:00")]);
    expect([w.ended, w.progress]).toEqual([true, 1]);
  });
  it("start at the swap itself when it is on the hour, and measure a running window to the last whole hour", () => {
    const w = validationWindows(at("2026-03-02T10:00:00+09:00"), 2, {
      now: at("2026-03-03T10:45:00+09:00"),
      zone: "Asia/Seoul",
    });
    expect(w.after).toEqual([at("2026-03-02T10:00:00+09:00"), at("2026-03-03T10:00:00+09:00")]);
    expect(w.ended).toBe(false);
    expect(w.progress).toBeCloseTo(24.75 / 48, 6);
  });
  it("follow the wall clock of zones with half-hour offsets", () => {
    const w = validationWindows(at("2026-03-02T10:20:00+05:30"), 1, {
      now: at("2026-03-20T00:00:00Z"),
      zone: "Asia/Kolkata",
    });
    expect(w.after[0]).toBe(at("2026-03-02T11:00:00+05:30"));
    expect(w.before[1]).toBe(at("2026-03-02T10:00:00+05:30"));
  });
  it("start at the hour of the first call with the new model when the log shows one after the schedule", () => {
    const clock = { now: at("2026-03-20T00:00:00Z"), zone: "Asia/Seoul" };
    const w = validationWindows(at("2026-03-02T10:20:00+09:00"), 7, clock, at("2026-03-03T09:00:00+09:00"));
    expect(w.startedBy).toBe("first_call");
    expect(w.after).toEqual([at("2026-03-03T09:00:00+09:00"), at("2026-03-10T09:00:00+09:00")]);
    expect(w.before[1]).toBe(at("2026-03-02T10:00:00+09:00")); // the before window still ends at the swap
    // A first call in the swap's own hour is the schedule's start.
    const own = validationWindows(at("2026-03-02T10:20:00+09:00"), 7, clock, at("2026-03-02T10:00:00+09:00"));
    expect([own.startedBy, own.after[0]]).toEqual(["schedule", at("2026-03-02T11:00:00+09:00")]);
  });
});
