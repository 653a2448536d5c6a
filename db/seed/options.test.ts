import { describe, expect, test } from "vitest";
import { parseSeedArgs } from "./options";

const TODAY = "2025-09-19";

describe("db:seed options", () => {
  test("defaults: 90 days to today, seed 42, as many LLM rows as the runs make", () => {
    expect(parseSeedArgs({}, TODAY)).toEqual({ days: 90, llmRows: undefined, trades: undefined, seed: 42, end: TODAY });
  });

  test("accepts the documented ranges", () => {
    expect(
      parseSeedArgs(
        { days: "3650", "llm-rows": "100000000", trades: "10000000", seed: "-7", end: "2024-02-29" },
        TODAY,
      ),
    ).toEqual({
      days: 3650,
      llmRows: 100_000_000,
      trades: 10_000_000,
      seed: -7,
      end: "2024-02-29",
    });
  });

  test.each([
    [{ days: "0" }, "--days must be a whole number from 1 to 3650, not '0'"],
    [{ days: "3651" }, "--days must be a whole number from 1 to 3650, not '3651'"],
    [{ days: "7.5" }, "--days must be a whole number from 1 to 3650, not '7.5'"],
    [{ "llm-rows": "-1" }, "--llm-rows must be a whole number from 1 to 100000000, not '-1'"],
    [{ "llm-rows": "1e6" }, "--llm-rows must be a whole number from 1 to 100000000, not '1e6'"],
    [{ "llm-rows": "100000001" }, "--llm-rows must be a whole number from 1 to 100000000, not '100000001'"],
    [{ trades: "0" }, "--trades must be a whole number from 1 to 10000000, not '0'"],
    [{ seed: "abc" }, "--seed must be an integer, not 'abc'"],
    [{ seed: "99999999999999999999" }, "--seed must be an integer, not '99999999999999999999'"],
    [{ end: "2025-02-30" }, "--end must be a date written YYYY-MM-DD, not '2025-02-30'"],
    [{ end: "19.09.2025" }, "--end must be a date written YYYY-MM-DD, not '19.09.2025'"],
    [{ end: "2025-09-20" }, "--end 2025-09-20 is in the future (today is 2025-09-19); the demo has no future events"],
  ])("rejects %o with one line", (args, message) => {
    expect(() => parseSeedArgs(args, TODAY)).toThrow(message);
  });
});
