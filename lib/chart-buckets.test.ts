import { describe, expect, it } from "vitest";
import { byReadableInterval } from "./chart-buckets";

describe("chart intervals", () => {
  it("keeps up to 100 days as days, and sums longer periods per Monday-started week, empty weeks staying empty", () => {
    const days = (n: number, start = "2026-01-01") =>
      Array.from({ length: n }, (_, i) => {
        const d = new Date(`${start}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + i);
        return { date: d.toISOString().slice(0, 10), cost: 1, pnl: i < 14 ? null : 2 };
      });
    expect(byReadableInterval(days(100)).interval).toBe("day");
    const { rows, interval } = byReadableInterval(days(366));
    expect(interval).toBe("week");
    expect(rows[0]).toEqual({ date: "2026-01-01", cost: 4, pnl: null }); // Thursday to Sunday, before any PnL
    expect(rows[1]).toEqual({ date: "2026-01-05", cost: 7, pnl: null });
    expect(rows[2]).toEqual({ date: "2026-01-12", cost: 7, pnl: 4 * 2 }); // PnL from the 15th: four days of it
    expect(rows.reduce((sum, r) => sum + (r.cost ?? 0), 0)).toBe(366);
  });
});
