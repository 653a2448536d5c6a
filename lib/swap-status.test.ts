import { describe, expect, it } from "vitest";
import { judgeSwap, relativeChange, type WindowMeasure, validationWindows } from "./swap-status";

const measure = (over: Partial<WindowMeasure>): WindowMeasure => ({
  trades: 10,
  pnlScore: 1000,
  calls: 100,
  successRate: 0.97,
  costUsd: 1,
  ...over,
});
const base = { windowEnded: true, rolledBack: false, superseded: false, rollbackThreshold: -0.1, minRequests: 50 };

describe("judgeSwap", () => {
  it("passes an improving swap and reports the realized fraction", () => {
    expect(judgeSwap({ ...base, before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 1500 }) })).toEqual({
      status: "passed",
      realizedImprovement: 0.5,
      basis: "pnl",
    });
  });

  it("breaches past the rollback threshold, not at it", () => {
    expect(judgeSwap({ ...base, before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 850 }) }).status).toBe(
      "breached",
    );
    expect(judgeSwap({ ...base, before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 900 }) }).status).toBe(
      "passed",
    );
  });

  it("judges a losing agent by how much less it loses", () => {
    expect(
      judgeSwap({ ...base, before: measure({ pnlScore: -1000 }), after: measure({ pnlScore: -500 }) })
        .realizedImprovement,
    ).toBe(0.5);
  });

  it("falls back to the LLM success rate for agents without trades, and is inconclusive without enough calls", () => {
    const judged = judgeSwap({
      ...base,
      before: measure({ trades: 0, pnlScore: null, successRate: 0.9 }),
      after: measure({ trades: 0, pnlScore: null, successRate: 0.72 }),
    });
    expect(judged).toEqual({ status: "breached", realizedImprovement: expect.closeTo(-0.2, 9), basis: "success_rate" });
    expect(
      judgeSwap({ ...base, before: measure({ trades: 2, calls: 10 }), after: measure({ trades: 2, calls: 10 }) }),
    ).toEqual({ status: "inconclusive", realizedImprovement: null, basis: null });
  });

  it("is validating while the window runs, and superseded or rolled back whatever the figures", () => {
    const figures = { before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 100 }) };
    expect(judgeSwap({ ...base, ...figures, windowEnded: false }).status).toBe("validating");
    expect(judgeSwap({ ...base, ...figures, superseded: true }).status).toBe("superseded");
    expect(judgeSwap({ ...base, ...figures, superseded: true, rolledBack: true }).status).toBe("rolled_back");
  });
});

describe("relativeChange", () => {
  it("is clamped to -1..1 and defined from zero", () => {
    expect(relativeChange(100, 1000)).toBe(1);
    expect(relativeChange(0, 5)).toBe(1);
    expect(relativeChange(0, -5)).toBe(-1);
    expect(relativeChange(0, 0)).toBe(0);
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
});
