import { describe, expect, it } from "vitest";
import { overviewDailySeries } from "./overview";

const DAYS = ["2026-03-01", "2026-03-02", "2026-03-03"];

describe("the overview's daily series", () => {
  it("has a row for every day of the period, oldest first, and none for days outside it", () => {
    const { rows, interval } = overviewDailySeries(
      DAYS,
      [{ day: "2026-02-28", pnl: 5, withPnl: 1 }],
      [{ date: "2026-03-04", provider: "gpt", calls: 1, cost: 1 }],
    );
    expect(interval).toBe("day");
    expect(rows.map((r) => r.date)).toEqual(DAYS);
  });

  it("leaves a gap, not a zero, on a day without an LLM call or a trade with a PnL", () => {
    const { rows } = overviewDailySeries(
      DAYS,
      [
        { day: "2026-03-01", pnl: 1200, withPnl: 2 },
        { day: "2026-03-02", pnl: 0, withPnl: 0 }, // trades whose PnL is not known yet
      ],
      [
        { date: "2026-03-01", provider: "claude", calls: 3, cost: 0.3 },
        { date: "2026-03-03", provider: "claude", calls: 1, cost: 0.1 },
      ],
    );
    expect(rows[1]).toEqual({ date: "2026-03-02", pnl: null, cost: null, cost_claude: null });
    expect(rows[0]).toMatchObject({ pnl: 1200, cost: 0.3 });
    expect(rows[2]).toMatchObject({ pnl: null, cost: 0.1 });
  });

  it("stacks the providers: one unused on a day others ran is 0, and the total is their sum", () => {
    const { providers, rows, totals } = overviewDailySeries(
      DAYS,
      [],
      [
        { date: "2026-03-01", provider: "gpt", calls: 2, cost: 0.2 },
        { date: "2026-03-01", provider: "claude", calls: 1, cost: 0.5 },
        { date: "2026-03-02", provider: "claude", calls: 1, cost: 0.25 },
      ],
    );
    expect(providers).toEqual(["claude", "gpt"]);
    expect(rows[0]).toEqual({ date: "2026-03-01", pnl: null, cost: 0.7, cost_claude: 0.5, cost_gpt: 0.2 });
    expect(rows[1]).toEqual({ date: "2026-03-02", pnl: null, cost: 0.25, cost_claude: 0.25, cost_gpt: 0 });
    expect(rows[2]).toEqual({ date: "2026-03-03", pnl: null, cost: null, cost_claude: null, cost_gpt: null });
    expect(totals).toEqual({ pnl: 0, cost: 0.95 });
  });

  it("sums weeks past 100 days, a week without a call staying a gap", () => {
    const days = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + i)).toISOString().slice(0, 10)); // from a Monday
    const { rows, interval } = overviewDailySeries(
      days,
      [{ day: "2026-01-06", pnl: 10, withPnl: 1 }],
      [
        { date: "2026-01-05", provider: "gpt", calls: 1, cost: 1 },
        { date: "2026-01-07", provider: "gpt", calls: 1, cost: 2 },
      ],
    );
    expect(interval).toBe("week");
    expect(rows).toHaveLength(18);
    expect(rows[0]).toEqual({ date: "2026-01-05", pnl: 10, cost: 3, cost_gpt: 3 });
    expect(rows[1]).toEqual({ date: "2026-01-12", pnl: null, cost: null, cost_gpt: null });
  });
});
