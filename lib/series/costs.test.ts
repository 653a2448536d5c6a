import { describe, expect, it } from "vitest";
import { costSeries } from "./costs";

const DAYS = ["2026-03-01", "2026-03-02", "2026-03-03"];

describe("the costs page's series", () => {
  it("has a row for every day of the period, oldest first", () => {
    const { cost, tokens, interval } = costSeries(DAYS, [
      { date: "2026-03-02", group: "claude", calls: 1, tokens: 10, cost: 0.1 },
    ]);
    expect(interval).toBe("day");
    expect(cost.map((r) => r.date)).toEqual(DAYS);
    expect(tokens.map((r) => r.date)).toEqual(DAYS);
  });

  it("leaves a gap, not a zero, on a day without any call", () => {
    const { cost, tokens } = costSeries(DAYS, [
      { date: "2026-03-01", group: "claude", calls: 1, tokens: 10, cost: 0.1 },
      { date: "2026-03-03", group: "claude", calls: 2, tokens: 30, cost: 0.3 },
    ]);
    expect(cost[1]).toEqual({ date: "2026-03-02", g0: null });
    expect(tokens[1]).toEqual({ date: "2026-03-02", g0: null });
  });

  it("stacks the groups, biggest cost first: one unused on a day others ran is 0", () => {
    const { groups, summed, cost, tokens } = costSeries(DAYS, [
      { date: "2026-03-01", group: "gpt", calls: 1, tokens: 10, cost: 0.1 },
      { date: "2026-03-01", group: "claude", calls: 1, tokens: 20, cost: 0.5 },
      { date: "2026-03-02", group: "claude", calls: 1, tokens: 5, cost: 0.2 },
    ]);
    expect(groups).toEqual(["claude", "gpt"]);
    expect(summed).toBe(false);
    expect(cost.slice(0, 2)).toEqual([
      { date: "2026-03-01", g0: 0.5, g1: 0.1 },
      { date: "2026-03-02", g0: 0.2, g1: 0 },
    ]);
    expect(tokens[0]).toEqual({ date: "2026-03-01", g0: 20, g1: 10 });
  });

  it("sums the smallest groups past seven as 'other'", () => {
    const costs = Array.from({ length: 9 }, (_, i) => ({
      date: "2026-03-01",
      group: `m${i}`,
      calls: 1,
      tokens: 1,
      cost: 9 - i,
    }));
    const { groups, summed, cost } = costSeries(DAYS, costs);
    expect(groups).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "other"]);
    expect(summed).toBe(true);
    expect(cost[0]!.g6).toBe(3 + 2 + 1);
  });

  it("sums weeks past 100 days, a week without a call staying a gap", () => {
    const days = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + i)).toISOString().slice(0, 10)); // from a Monday
    const { cost, interval } = costSeries(days, [
      { date: "2026-01-05", group: "gpt", calls: 1, tokens: 1, cost: 1 },
      { date: "2026-01-08", group: "gpt", calls: 1, tokens: 1, cost: 2 },
    ]);
    expect(interval).toBe("week");
    expect(cost).toHaveLength(18);
    expect(cost[0]).toEqual({ date: "2026-01-05", g0: 3 });
    expect(cost[1]).toEqual({ date: "2026-01-12", g0: null });
  });
});
