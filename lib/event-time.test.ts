import { describe, expect, it } from "vitest";
import { addDays, calendarDate, parseEventTime, startOfDay } from "./event-time";

const seoul = "Asia/Seoul";

describe("parseEventTime", () => {
  it("reads naive times in the data's zone, with or without a fraction, T or space", () => {
    const expected = Date.parse("2025-09-19T05:23:11Z");
    expect(parseEventTime("2025-09-19T14:23:11", seoul)).toBe(expected);
    expect(parseEventTime("2025-09-19 14:23:11", seoul)).toBe(expected);
    expect(parseEventTime("2025-09-19T14:23:11.123456", seoul)).toBe(expected + 123);
  });

  it("reads Z and offsets by their offset, whatever the data zone", () => {
    expect(parseEventTime("2025-09-19T05:23:11Z", "America/New_York")).toBe(Date.parse("2025-09-19T05:23:11Z"));
    expect(parseEventTime("2025-09-19T14:23:11+09:00", "UTC")).toBe(Date.parse("2025-09-19T05:23:11Z"));
    expect(parseEventTime("2025-09-19T01:23:11-0400", "UTC")).toBe(Date.parse("2025-09-19T05:23:11Z"));
  });

  it("follows daylight saving time in zones that have it", () => {
    expect(parseEventTime("2025-07-01T12:00:00", "Europe/Berlin")).toBe(Date.parse("2025-07-01T10:00:00Z"));
    expect(parseEventTime("2025-01-01T12:00:00", "Europe/Berlin")).toBe(Date.parse("2025-01-01T11:00:00Z"));
  });

  it("answers null for text that is not an event time", () => {
    for (const bad of ["", "yesterday", "2025-13-45", "2025-09-19"]) expect(parseEventTime(bad, seoul)).toBeNull();
  });
});

describe("calendarDate", () => {
  it("is the date on the zone's calendar", () => {
    expect(calendarDate(Date.parse("2025-09-19T16:00:00Z"), seoul)).toBe("2025-09-20");
    expect(calendarDate(Date.parse("2025-09-19T14:00:00Z"), seoul)).toBe("2025-09-19");
  });
});

describe("startOfDay", () => {
  it("is the first instant on the day's calendar date, wherever the clocks change", () => {
    // Zones whose clocks skip midnight (Santiago, Havana, Asunción), change by half an hour (Lord Howe), or as most do.
    for (const zone of [
      "America/Santiago",
      "America/Havana",
      "America/Asuncion",
      "Australia/Lord_Howe",
      "Europe/Berlin",
      "America/New_York",
      seoul,
    ]) {
      for (let date = "2024-01-01"; date < "2025-01-01"; date = addDays(date, 1)) {
        const start = startOfDay(date, zone);
        expect([calendarDate(start, zone), calendarDate(start - 1, zone) < date], `${zone} ${date}`).toEqual([
          date,
          true,
        ]);
      }
    }
  });

  it("is the next day's start for a day the zone skipped", () => {
    expect(startOfDay("2011-12-30", "Pacific/Apia")).toBe(startOfDay("2011-12-31", "Pacific/Apia"));
  });
});
