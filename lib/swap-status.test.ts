import { describe, expect, it } from "vitest";
import { judgeSwap, relativeChange, type WindowMeasure } from "./swap-status";

const measure = (over: Partial<WindowMeasure>): WindowMeasure => ({ trades: 10, pnlScore: 1000, calls: 100, successRate: 0.97, costUsd: 1, ...over });
const base = { windowEnded: true, rolledBack: false, superseded: false, rollbackThreshold: -0.1, minRequests: 50 };

describe("judgeSwap", () => {
  it("passes an improving swap and reports the realized fraction", () => {
    expect(judgeSwap({ ...base, before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 1500 }) })).toEqual({ status: "passed", realizedImprovement: 0.5, basis: "pnl" });
  });

  it("breaches past the rollback threshold, not at it", () => {
    expect(judgeSwap({ ...base, before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 850 }) }).status).toBe("breached");
    expect(judgeSwap({ ...base, before: measure({ pnlScore: 1000 }), after: measure({ pnlScore: 900 }) }).status).toBe("passed");
  });

  it("judges a losing agent by how much less it loses", () => {
    expect(judgeSwap({ ...base, before: measure({ pnlScore: -1000 }), after: measure({ pnlScore: -500 }) }).realizedImprovement).toBe(0.5);
  });

  it("falls back to the LLM success rate for agents without trades, and is inconclusive without enough calls", () => {
    const judged = judgeSwap({ ...base, before: measure({ trades: 0, pnlScore: null, successRate: 0.9 }), after: measure({ trades: 0, pnlScore: null, successRate: 0.72 }) });
    expect(judged).toEqual({ status: "breached", realizedImprovement: expect.closeTo(-0.2, 9), basis: "success_rate" });
    expect(judgeSwap({ ...base, before: measure({ trades: 2, calls: 10 }), after: measure({ trades: 2, calls: 10 }) })).toEqual({ status: "inconclusive", realizedImprovement: null, basis: null });
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
