import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import { alertTestFile, llmCall, pythonWrites, ruleOf, seoul, settingsFor, ZONE } from "@/db/alerts/trading-writes";

const DAY = 86_400_000;
const rule = ruleOf("cost_spike", { factor: 3, minUsd: 1 });
let file: string;

beforeAll(async () => {
  file = await alertTestFile();
  // 09:00–10:00 on each of the 14 days before 2030-03-20 cost 0.8 to 1.4 (median 1.0); one call outside the hour.
  const history = [0.8, 0.9, 1.0, 1.0, 1.0, 1.1, 1.4, 0.8, 0.9, 1.0, 1.0, 1.0, 1.1, 1.4];
  pythonWrites(file, [
    ...history.map((cost, i) => llmCall(seoul("2030-03-19T09:20") - i * DAY, { cost })),
    llmCall(seoul("2030-03-19T10:00"), { cost: 50 }), // the next hour: no part of the 09:00 history
    llmCall(seoul("2030-03-20T09:10"), { cost: 2.5 }),
    llmCall(seoul("2030-03-20T09:59"), { cost: 0.4, provider: "gemini", model: "flash-2.5" }),
  ]);
});

describe("cost_spike", () => {
  const at = (wall: string) => ({ now: seoul(wall), zone: ZONE });

  it("holds the last whole hour against the factor times the same hour's median over 14 days", () => {
    const [calm] = measure(rule, at("2030-03-20T10:05"), settingsFor(file));
    expect(calm).toMatchObject({ instance: "", firing: false, threshold: 3 });
    expect(calm!.value).toBeCloseTo(2.9, 9);
    expect(calm!.facts).toEqual({
      hourStart: seoul("2030-03-20T09:00"),
      median: 1,
      factor: 3,
      minUsd: 1,
      path: "/costs?from=2030-03-20&to=2030-03-20",
    });

    pythonWrites(file, [llmCall(seoul("2030-03-20T09:30"), { cost: 0.2 })]); // a late write into the hour
    const [spike] = measure(rule, at("2030-03-20T10:05"), settingsFor(file));
    expect(spike).toMatchObject({ firing: true, threshold: 3 });
    expect(spike!.value).toBeCloseTo(3.1, 9);
  });

  it("stops firing once the hour is no longer the last whole one", () => {
    const [later] = measure(rule, at("2030-03-20T11:05"), settingsFor(file));
    expect(later).toMatchObject({ firing: false, value: 0 });
    expect(later!.facts).toMatchObject({ hourStart: seoul("2030-03-20T10:00"), median: 0 });
  });

  it("takes any spend of at least minUsd over a median of 0 as a spike, and less as none", () => {
    pythonWrites(file, [llmCall(seoul("2030-03-20T14:10"), { cost: 0.6 })]);
    expect(measure(rule, at("2030-03-20T15:00"), settingsFor(file))[0]).toMatchObject({ firing: false });
    pythonWrites(file, [llmCall(seoul("2030-03-20T14:50"), { cost: 0.6 })]);
    expect(measure(rule, at("2030-03-20T15:00"), settingsFor(file))[0]).toMatchObject({
      firing: true,
      threshold: 0,
      facts: { median: 0 },
    });
  });
});
