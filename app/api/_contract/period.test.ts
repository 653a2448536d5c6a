import { describe, expect, it } from "vitest";
import { calendarDays, lastDays } from "@/lib/period";
import { rangeKeys } from "./period";

describe("the API's keys for a period", () => {
  it("name a from/to period's days", () => {
    expect(rangeKeys(calendarDays("2026-11-01", "2026-11-15", "Asia/Seoul"))).toEqual({
      period_from: "2026-11-01",
      period_to: "2026-11-15",
    });
  });

  it("add nothing for ?days=N, so those answers keep their shape", () => {
    expect(rangeKeys(lastDays(7, { now: Date.parse("2026-11-20T03:00:00Z"), zone: "Asia/Seoul" }))).toEqual({});
  });
});
