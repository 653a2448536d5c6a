import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import { alertTestFile, llmCall, pythonWrites, ruleOf, seoul, settingsFor, ZONE } from "@/db/alerts/trading-writes";
import { failureKind } from "./provider-failures";

const MINUTE = 60_000;
const rule = ruleOf("provider_failures", { rate: 0.2, minCalls: 20, minutes: 5 });
const clock = { now: seoul("2030-03-06T10:30"), zone: ZONE };
let file: string;

// The providers' SDK messages as the trading system logs them (db/seed/llm-errors.ts).
const RATE_LIMIT = "Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'rate'}}";
const OVERLOADED =
  "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}";

beforeAll(async () => {
  file = await alertTestFile();
  const claude = (i: number, error: string | null = null) => llmCall(clock.now - (i % 4) * MINUTE - 1000, { error });
  const zoned = llmCall(clock.now - 2 * MINUTE, { error: RATE_LIMIT });
  zoned[1].timestamp = new Date(clock.now - 2 * MINUTE).toISOString(); // written with Z: read by its offset
  pythonWrites(file, [
    llmCall(clock.now - 8 * MINUTE, { error: RATE_LIMIT }), // before the window
    ...Array.from({ length: 15 }, (_, i) => claude(i)),
    claude(15, RATE_LIMIT),
    claude(16, RATE_LIMIT),
    claude(17, OVERLOADED),
    claude(18, "Request timed out."),
    zoned,
    ...Array.from({ length: 8 }, () =>
      llmCall(clock.now - MINUTE, { provider: "gemini", model: "flash-2.5", error: "429 Resource has been exhausted" }),
    ),
    llmCall(clock.now - MINUTE, { provider: "gemini", model: "flash-2.5", error: "503 The model is overloaded." }),
  ]);
});

describe("provider_failures", () => {
  it("counts each provider's calls and failures over the last minutes, firing past the rate with enough calls", () => {
    const [claude, gemini, ...rest] = measure(rule, clock, settingsFor(file));
    expect(rest).toEqual([]);
    expect(claude).toEqual({
      instance: "claude",
      firing: true,
      value: 5 / 20,
      threshold: 0.2,
      facts: {
        provider: "claude",
        calls: 20,
        failures: 5,
        rateLimited: 3,
        serverErrors: 1,
        minutes: 5,
        minCalls: 20,
        capped: false,
        path: "/costs?days=1",
      },
    });
    // Every call failed, but 9 calls are too few to tell.
    expect(gemini).toMatchObject({
      instance: "gemini",
      firing: false,
      value: 1,
      facts: { calls: 9, failures: 9, rateLimited: 8, serverErrors: 1 },
    });
  });

  it("stops firing when successful calls bring the rate under, and lists nobody once the window is quiet", () => {
    pythonWrites(
      file,
      Array.from({ length: 6 }, () => llmCall(clock.now - MINUTE)),
    );
    expect(measure(rule, clock, settingsFor(file))[0]).toMatchObject({
      instance: "claude",
      firing: false,
      value: 5 / 26,
    });
    expect(measure(rule, { now: clock.now + 10 * MINUTE, zone: ZONE }, settingsFor(file))).toEqual([]);
  });

  it("reads the status a failure's message starts with, and the trading system's own wording", () => {
    expect(failureKind("API rate limit exceeded")).toBe("rate_limit");
    expect(failureKind("429 Quota exceeded for quota metric")).toBe("rate_limit");
    expect(failureKind("504 Deadline Exceeded")).toBe("server_error");
    expect(failureKind("Error code: 503 - Service Temporarily Unavailable")).toBe("server_error");
    expect(failureKind("Error code: 400 - prompt is too long")).toBe("other");
    expect(failureKind(null)).toBe("other");
  });
});
