import { describe, expect, it } from "vitest";
import { ParamError } from "./api-params";
import { periodParam, readPeriod } from "./period-params";

const SEOUL = "Asia/Seoul";
// 2026-11-20 12:00 in Seoul.
const NOW = Date.parse("2026-11-20T03:00:00Z");
const parse = (query: string) => periodParam(new URLSearchParams(query), 30, { now: NOW, zone: SEOUL });
const problem = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamError);
    return (error as Error).message;
  }
  throw new Error(`${query} was taken`);
};

describe("periodParam (the API)", () => {
  it("reads days as before: the last N × 24 h, the default when absent", () => {
    expect(parse("days=7")).toMatchObject({
      search: { days: 7 },
      label: "7d",
      days: 7,
      startMs: NOW - 7 * 86_400_000,
      endMs: NOW,
      first: "2026-11-14",
      last: "2026-11-20",
      openEnd: true,
    });
    expect(parse("")).toMatchObject({ search: { days: 30 }, days: 30 });
    expect(parse("days=1").label).toBe("24h");
  });

  it("reads from and to as calendar days in the zone, both included", () => {
    expect(parse("from=2026-11-01&to=2026-11-15")).toEqual({
      search: { from: "2026-11-01", to: "2026-11-15" },
      label: "2026-11-01 – 2026-11-15",
      days: 15,
      startMs: Date.parse("2026-11-01T00:00:00+09:00"),
      endMs: Date.parse("2026-11-16T00:00:00+09:00"),
      first: "2026-11-01",
      last: "2026-11-15",
      openEnd: false,
    });
    expect(parse("from=2024-02-29&to=2024-02-29").days).toBe(1);
    expect(parse("to=2030-01-01&from=2029-12-31").days).toBe(2); // a future `to` is fine: the data clips it
  });

  it("takes empty dates as absent, as an empty date field of a form sends them", () => {
    expect(parse("days=7&from=&to=").search).toEqual({ days: 7 });
  });

  it("refuses dates that are not real calendar dates", () => {
    expect(problem("from=2026-02-30&to=2026-03-01")).toBe(
      "from must be a calendar date as YYYY-MM-DD (1970 to 9998), not '2026-02-30'",
    );
    expect(problem("from=2026-11-01&to=2026-13-01")).toMatch(/^to must be a calendar date .* not '2026-13-01'$/);
    expect(problem("from=2026-1-5&to=2026-01-06")).toMatch(/^from must be a calendar date/);
    expect(problem("from=yesterday&to=2026-01-06")).toMatch(/not 'yesterday'$/);
    expect(problem("from=2026-01-05T00:00&to=2026-01-06")).toMatch(/^from must be a calendar date/);
    expect(problem("from=1969-12-31&to=1970-01-06")).toMatch(/^from must be a calendar date/);
    expect(problem("from=9999-12-30&to=9999-12-31")).toMatch(/^from must be a calendar date/);
  });

  it("refuses a reversed period, one longer than 3650 days, and half of one", () => {
    expect(problem("from=2026-11-15&to=2026-11-01")).toBe("from (2026-11-15) is after to (2026-11-01)");
    expect(parse("from=2016-11-18&to=2026-11-15").days).toBe(3650);
    expect(problem("from=2016-11-17&to=2026-11-15")).toBe("from 2016-11-17 to 2026-11-15 is 3651 days; at most 3650");
    expect(problem("from=2026-11-01")).toBe("from is given without to; give both, as YYYY-MM-DD");
    expect(problem("to=2026-11-01")).toBe("to is given without from; give both, as YYYY-MM-DD");
  });

  it("refuses days together with from and to, and any of them repeated", () => {
    expect(problem("days=7&from=2026-11-01&to=2026-11-15")).toBe("give either days or from and to, not both");
    expect(problem("days=7&to=2026-11-15")).toBe("give either days or from and to, not both");
    expect(problem("from=2026-11-01&from=2026-11-02&to=2026-11-15")).toBe("from is given 2 times; give it once");
    expect(problem("from=2026-11-01&to=2026-11-15&to=2026-11-15")).toBe("to is given 2 times; give it once");
    expect(problem("days=7&days=30")).toBe("days is given 2 times; give it once");
  });

  it("says what is wrong with days as before", () => {
    expect(problem("days=0")).toBe("days must be between 1 and 3650, not 0");
    expect(problem("days=abc")).toBe("days must be a whole number, not 'abc'");
  });
});

describe("readPeriod (the pages)", () => {
  const read = (search: Parameters<typeof readPeriod>[0], fallback?: number) =>
    readPeriod(search, { now: NOW, zone: SEOUL }, fallback);

  it("reads both forms, the first of a repeated parameter as pages always have", () => {
    expect(read({ days: "7" })).toEqual({ period: parse("days=7") });
    expect(read({ days: ["7", "30"] }).period.days).toBe(7);
    expect(read({ from: ["2026-11-01", "2026-11-09"], to: "2026-11-15" }).period.label).toBe("2026-11-01 – 2026-11-15");
    expect(read({}, 90).period.search).toEqual({ days: 90 });
  });

  it("falls back to its default on a period it cannot read, saying what was wrong", () => {
    expect(read({ from: "2026-11-15", to: "2026-11-01" }, 90)).toEqual({
      period: periodParam(new URLSearchParams(), 90, { now: NOW, zone: SEOUL }),
      problem: "from (2026-11-15) is after to (2026-11-01)",
    });
    expect(read({ days: "abc" }).problem).toBe("days must be a whole number, not 'abc'");
    expect(read({ days: "7", from: "2026-11-01", to: "2026-11-15" }).period.search).toEqual({ days: 30 });
  });
});
