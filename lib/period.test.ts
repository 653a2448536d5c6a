import { describe, expect, it } from "vitest";
import { calendarDate } from "./event-time";
import { calendarDays, isWithin, lastDays, periodForm, periodParams, periodTag, previousPeriod } from "./period";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-11-20 12:00 in Seoul.
const NOW = Date.parse("2026-11-20T03:00:00Z");

describe("a from/to period", () => {
  it("runs from local midnight to the midnight after `to`, across a change of clocks", () => {
    const spring = calendarDays("2026-03-07", "2026-03-08", "America/New_York"); // clocks go forward on the 8th
    expect(spring.startMs).toBe(Date.parse("2026-03-07T05:00:00Z"));
    expect(spring.endMs).toBe(Date.parse("2026-03-09T04:00:00Z"));
    expect(spring.endMs - spring.startMs).toBe(47 * HOUR);
    const autumn = calendarDays("2026-10-25", "2026-10-25", "Europe/Berlin"); // back on the 25th
    expect(autumn.endMs - autumn.startMs).toBe(25 * HOUR);
  });

  it("starts where the clocks jump when they skip midnight", () => {
    const santiago = calendarDays("2024-09-08", "2024-09-08", "America/Santiago"); // 00:00 → 01:00
    expect(santiago.startMs).toBe(Date.parse("2024-09-08T04:00:00Z"));
    expect(calendarDate(santiago.startMs, "America/Santiago")).toBe("2024-09-08");
    expect(calendarDate(santiago.startMs - 1, "America/Santiago")).toBe("2024-09-07");
  });

  it("keeps its URL form, and its events are those in [start, end)", () => {
    const period = calendarDays("2026-11-01", "2026-11-15", "Asia/Seoul");
    expect(periodParams(period)).toEqual({ from: "2026-11-01", to: "2026-11-15" });
    expect(periodTag(period)).toBe("2026-11-01_2026-11-15");
    expect(periodForm(period)).toEqual({ kind: "range", from: "2026-11-01", to: "2026-11-15", days: 15 });
    expect(
      [period.startMs - 1, period.startMs, period.endMs - 1, period.endMs].map((ms) => isWithin(period, ms)),
    ).toEqual([false, true, true, false]);
  });

  it("compares with the same number of calendar days just before it", () => {
    const previous = previousPeriod(calendarDays("2026-11-01", "2026-11-15", "Asia/Seoul"), "Asia/Seoul");
    expect(previous).toEqual(calendarDays("2026-10-17", "2026-10-31", "Asia/Seoul"));
  });
});

describe("a days period", () => {
  it("is the last N × 24 h, and the N calendar days ending today for date columns, with no upper bound for lists", () => {
    const period = lastDays(7, { now: NOW, zone: "Asia/Seoul" });
    expect(period).toMatchObject({
      startMs: NOW - 7 * DAY,
      endMs: NOW,
      first: "2026-11-14",
      last: "2026-11-20",
      openEnd: true,
    });
    expect(periodParams(period)).toEqual({ days: "7" });
    expect(periodTag(lastDays(1, { now: NOW, zone: "Asia/Seoul" }))).toBe("1d");
    expect(periodForm(period)).toEqual({ kind: "days", days: 7 });
    expect(isWithin(period, NOW + DAY)).toBe(true);
  });

  it("compares with the N × 24 h before it and the N calendar days before its first", () => {
    const previous = previousPeriod(lastDays(7, { now: NOW, zone: "Asia/Seoul" }), "Asia/Seoul");
    expect(previous).toMatchObject({
      startMs: NOW - 14 * DAY,
      endMs: NOW - 7 * DAY,
      first: "2026-11-07",
      last: "2026-11-13",
      openEnd: false,
    });
  });
});
