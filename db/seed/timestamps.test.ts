import { describe, expect, test } from "vitest";
import { Random } from "./random";
import { TimestampFormatter } from "./timestamps";
import { toWallClockText, ZoneClock } from "./wall-clock";

const wallUs = (text: string) => Date.parse(`${text}Z`) * 1000;

describe("timestamps as the trading system's writers put them", () => {
  const seoul = new TimestampFormatter(new ZoneClock("Asia/Seoul"));

  test("Python's naive isoformat drops the fraction only when it is zero", () => {
    expect(seoul.pythonIso(wallUs("2025-09-19T14:23:11") + 123_456)).toBe("2025-09-19T14:23:11.123456");
    expect(seoul.pythonIso(wallUs("2025-09-19T14:23:11") + 42)).toBe("2025-09-19T14:23:11.000042");
    expect(seoul.pythonIso(wallUs("2025-09-19T14:23:11"))).toBe("2025-09-19T14:23:11");
  });

  test("the other writers' forms name the same moment", () => {
    const us = wallUs("2025-09-19T08:05:09") + 250_000;
    expect(seoul.utcInstant(us)).toBe("2025-09-18T23:05:09.250Z");
    expect(seoul.withOffset(us)).toBe("2025-09-19T08:05:09.250000+09:00");
    expect(seoul.spaceForm(us)).toBe("2025-09-19 08:05:09");
    expect(seoul.sqliteUtc(us)).toBe("2025-09-18 23:05:09");
  });

  test("offsets follow daylight saving time in zones that have it", () => {
    const newYork = new TimestampFormatter(new ZoneClock("America/New_York"));
    expect(newYork.withOffset(wallUs("2025-10-30T10:00:00"))).toBe("2025-10-30T10:00:00-04:00");
    expect(newYork.sqliteUtc(wallUs("2025-11-03T10:00:00"))).toBe("2025-11-03 15:00:00");
  });

  test("about 1% of events come in the other writers' forms", () => {
    const random = new Random(1, "formats");
    const texts = Array.from({ length: 20_000 }, (_, i) =>
      seoul.event(wallUs("2025-09-19T10:00:00") + i * 1_000_001, random),
    );
    const others = texts.filter((t) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/.test(t)).length;
    expect(others / texts.length).toBeGreaterThan(0.005);
    expect(others / texts.length).toBeLessThan(0.02);
  });

  test("a Date reads as naive wall-clock text in the data zone", () => {
    expect(toWallClockText(new Date("2025-09-19T15:30:00.125Z"), "Asia/Seoul")).toBe("2025-09-20T00:30:00.125");
  });
});
