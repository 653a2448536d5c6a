import { describe, expect, it } from "vitest";
import { agentDailySeries } from "./agent-daily";

const days = ["2026-03-01", "2026-03-02", "2026-03-03"];

describe("an agent's daily chart rows", () => {
  it("gives the PnL score per trade, the weekly rating on its last day, and the cost by canonical model", () => {
    const { rows, models } = agentDailySeries({
      days,
      trades: [{ day: "2026-03-01", trades: 4, weightedPnl: 2000 }],
      costs: [
        { date: "2026-03-01", model: "gpt-5", calls: 2, cost: 0.5 },
        { date: "2026-03-01", model: "claude-opus-4-1-20250805", calls: 1, cost: 1 },
        { date: "2026-03-01", model: "opus-4.1", calls: 1, cost: 0.25 },
        { date: "2026-03-02", model: "gpt-5", calls: 3, cost: 2 },
        { date: "2026-03-03", model: "gpt-5", calls: 0, cost: 0 }, // a day whose hours all were corrected away
      ],
      ratings: [{ periodEnd: "2026-03-02", performanceRating: 71.5 }],
    });
    expect(models).toEqual(["gpt-5", "opus-4.1"]);
    expect(rows).toEqual([
      { date: "2026-03-01", score: 500, rating: null, m0: 0.5, m1: 1.25 },
      { date: "2026-03-02", score: null, rating: 71.5, m0: 2, m1: 0 }, // a day with calls: a model not called costs 0
      { date: "2026-03-03", score: null, rating: null, m0: null, m1: null }, // no call at all: a gap
    ]);
  });

  it("leaves out what falls outside the days, and has no model columns without calls", () => {
    const { rows, models } = agentDailySeries({
      days: days.slice(0, 1),
      trades: [{ day: "2026-02-28", trades: 1, weightedPnl: 5 }],
      costs: [],
      ratings: [{ periodEnd: "2026-03-09", performanceRating: 50 }],
    });
    expect(models).toEqual([]);
    expect(rows).toEqual([{ date: "2026-03-01", score: null, rating: null }]);
  });
});
