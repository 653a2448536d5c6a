import { describe, expect, it } from "vitest";
import {
  CHART_WIDTHS,
  barPath,
  barSlot,
  barWidth,
  dayAxis,
  dayLabelWidths,
  linePath,
  stackValues,
  valueAxis,
} from "./plot-geometry";

describe("valueAxis", () => {
  it("takes Recharts' nice ticks over the values and zero, the top tick at 0 and the bottom at 1", () => {
    const { ticks, y } = valueAxis([3, 37.2, 12]);
    expect(ticks.map((t) => t.value)).toEqual([0, 10, 20, 30, 40]);
    expect(y(40)).toBe(0);
    expect(y(0)).toBe(1);
    expect(y(20)).toBeCloseTo(0.5);
  });

  it("reaches below zero for losses, as the PnL charts do", () => {
    const { ticks } = valueAxis([-150_000, 480_000]);
    expect(ticks[0]!.value).toBeLessThan(-150_000 + 1);
    expect(ticks.at(-1)!.value).toBeGreaterThanOrEqual(480_000);
    expect(ticks.some((t) => t.value === 0)).toBe(true);
  });

  it("draws an axis for a chart of zeros or of nothing", () => {
    expect(valueAxis([0, 0]).ticks).toHaveLength(5);
    expect(valueAxis([]).ticks.length).toBeGreaterThan(1);
    expect(Number.isFinite(valueAxis([]).y(0))).toBe(true);
  });
});

describe("dayAxis", () => {
  it("puts a bar at its band's centre and a line's ends on the plot's edges", () => {
    const bars = dayAxis(4, true);
    expect(bars.band).toBe(0.25);
    expect([0, 3].map(bars.x)).toEqual([0.125, 0.875]);
    const lines = dayAxis(5, false);
    expect([0, 2, 4].map(lines.x)).toEqual([0, 0.5, 1]);
    expect(dayAxis(1, false).x(0)).toBe(0.5);
  });
});

describe("stackValues", () => {
  const rows = [
    { date: "d1", a: 1, b: 2 },
    { date: "d2", a: null, b: 3 },
  ];

  it("stacks each series on the ones before it; one missing on a day the others have counts as zero there", () => {
    expect(stackValues(rows, ["a", "b"], true)).toEqual([
      [
        [0, 1],
        [0, 0],
      ],
      [
        [1, 3],
        [0, 3],
      ],
    ]);
  });

  it("leaves a day out of a stack only when every series is missing, and a missing value out unstacked", () => {
    const gap = [
      { date: "d1", a: 1, b: null },
      { date: "d2", a: null, b: null },
    ];
    expect(stackValues(gap, ["a", "b"], true)).toEqual([
      [[0, 1], null],
      [[1, 1], null],
    ]);
    expect(stackValues(gap, ["a", "b"], false)).toEqual([
      [[0, 1], null],
      [null, null],
    ]);
  });

  it("starts every series from zero when not stacked, negatives included", () => {
    expect(stackValues([{ date: "d", a: -2 }], ["a"], false)).toEqual([[[0, -2]]]);
  });
});

describe("linePath", () => {
  it("joins the days either side of a gap (connectNulls) in a 1000-unit box", () => {
    const d = linePath([[0, 1], null, [0, 1]], dayAxis(3, false).x, () => 0.5);
    expect(d).toBe("M0,500L1000,500");
  });
});

describe("bars", () => {
  it("draw each day's segment as a line from its base to its top, leaving out empty ones", () => {
    const { x } = dayAxis(4, true);
    const y = (v: number) => 1 - v / 10;
    expect(barPath([[0, 5], null, [2, 2], [5, 10]], x, y)).toBe("M125 1000V500M875 500V0");
  });

  it("are 80 % of their band wide, never more than 28 px, from the chart's own width", () => {
    expect(barWidth(0.1)).toBe("min(28px, calc((100cqw - 76px) * 0.08000))");
    // Ten years of days: still a width, not a share rounded to zero.
    expect(barWidth(1 / 3650)).toBe("min(28px, calc((100cqw - 76px) * 0.0002192))");
  });

  it("sit side by side when not stacked, sharing their day's 80 %", () => {
    expect(barSlot(0, 1, 0.1)).toEqual({ shift: 0, band: 0.1 });
    const [left, right] = [barSlot(0, 2, 0.1), barSlot(1, 2, 0.1)];
    expect(left.shift).toBeCloseTo(-0.02);
    expect(right.shift).toBeCloseTo(0.02);
    expect(left.band).toBe(0.05);
  });
});

describe("dayLabelWidths", () => {
  const days = Array.from({ length: 31 }, (_, i) => `11. ${i + 1}.`);

  it("always shows the last day, and shows more days as the chart widens", () => {
    const from = dayLabelWidths(days, true);
    expect(from.at(-1)).toBe(CHART_WIDTHS[0]);
    const shownAt = (width: number) => from.filter((w) => w !== null && w <= width).length;
    expect(shownAt(280)).toBeLessThan(shownAt(600));
    expect(shownAt(600)).toBeLessThanOrEqual(shownAt(1000));
  });

  it("keeps shown labels apart: at each width, neighbours are far enough for the widest label", () => {
    const from = dayLabelWidths(days, true);
    for (const width of CHART_WIDTHS) {
      const shown = from.flatMap((w, i) => (w !== null && w <= width ? [i] : []));
      const perDay = (width - 76) / days.length;
      for (let k = 1; k < shown.length; k++) expect((shown[k]! - shown[k - 1]!) * perDay).toBeGreaterThanOrEqual(40);
    }
  });
});
