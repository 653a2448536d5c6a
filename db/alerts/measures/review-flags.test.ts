import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import { alertTestFile, pythonWrites, ruleOf, seoul, settingsFor, trade, ZONE } from "@/db/alerts/trading-writes";
import { REVIEW_RULE } from "@/lib/review-rule";

const DAY = 86_400_000;
const rule = ruleOf("review_flag", {});
const clock = { now: seoul("2030-05-10T12:00"), zone: ZONE };
let file: string;

beforeAll(async () => {
  file = await alertTestFile();
  // Over the 30 days before the clock: risk_analyst in 10 losing trades, flow_analyst in 9, cio in all of them
  // with winning ones besides.
  pythonWrites(file, [
    ...Array.from({ length: 10 }, (_, i) =>
      trade(
        `LOSS-${i}`,
        clock.now - (i + 1) * DAY,
        i < 9 ? { risk_analyst: 0.5, flow_analyst: 0.2, cio: 0.3 } : { risk_analyst: 0.5, cio: 0.5 },
        -20_000,
      ),
    ),
    ...Array.from({ length: 10 }, (_, i) =>
      trade(`WIN-${i}`, clock.now - (i + 1) * DAY - 3_600_000, { cio: 1 }, 50_000),
    ),
  ]);
});

describe("review_flag", () => {
  it("flags the agents the review page flags: enough trades, efficiency under the threshold", () => {
    const observations = measure(rule, clock, settingsFor(file));
    expect(observations).toHaveLength(1);
    const [risk] = observations;
    // efficiency = (positive − negative) / trades = −(10 × 0.5 × 20,000) / 10
    expect(risk).toEqual({
      instance: "risk_analyst",
      firing: true,
      value: -10_000,
      threshold: REVIEW_RULE.threshold,
      facts: { agent: "risk_analyst", trades: 10, days: 30, minTrades: 10, path: "/review" },
    });
  });

  it("lists no agent once its trades age out of the 30 days or winning ones lift it", () => {
    expect(measure(rule, { now: clock.now + 31 * DAY, zone: ZONE }, settingsFor(file))).toEqual([]);
    pythonWrites(file, [trade("WIN-RISK", clock.now - DAY / 2, { risk_analyst: 1 }, 200_000)]);
    expect(measure(rule, clock, settingsFor(file))).toEqual([]);
  });
});
