import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import { alertTestFile, llmCall, pythonWrites, ruleOf, seoul, settingsFor, ZONE } from "@/db/alerts/trading-writes";

// Wednesday 2030-03-06, 10:30 in Seoul: the week began on Monday the 4th.
const NOW = seoul("2030-03-06T10:30");
const clock = { now: NOW, zone: ZONE };
let file: string;

beforeAll(async () => {
  file = await alertTestFile();
  pythonWrites(file, [
    llmCall(seoul("2030-03-03T23:59"), { cost: 100 }), // Sunday: last week
    llmCall(seoul("2030-03-04T09:00"), { cost: 150 }), // Monday
    llmCall(seoul("2030-03-05T23:59"), { cost: 20 }), // yesterday
    llmCall(seoul("2030-03-06T00:00"), { cost: 10 }), // today's first instant
    llmCall(seoul("2030-03-06T09:00"), { cost: 15, provider: "gpt", model: "gpt-5" }),
  ]);
});

describe("spend", () => {
  const day = ruleOf("spend", { period: "day", share: null });
  const week = ruleOf("spend", { period: "week", share: 1 });

  it("is today's calendar day against the alert share of the daily limit, firing once it passes", () => {
    const [quiet] = measure(day, clock, settingsFor(file));
    expect(quiet).toMatchObject({ instance: "", firing: false, threshold: 40 });
    expect(quiet!.value).toBeCloseTo(25, 9);
    expect(quiet!.facts).toEqual({
      period: "day",
      since: seoul("2030-03-06T00:00"),
      sinceDate: "2030-03-06",
      limit: 50,
      share: 0.8,
      path: "/costs?from=2030-03-06&to=2030-03-06",
    });

    pythonWrites(file, [llmCall(seoul("2030-03-06T10:10"), { cost: 16 })]);
    const [firing] = measure(day, clock, settingsFor(file));
    expect(firing).toMatchObject({ firing: true, threshold: 40 });
    expect(firing!.value).toBeCloseTo(41, 9);
    // A rule's own share replaces the config's.
    expect(measure(ruleOf("spend", { period: "day", share: 1 }), clock, settingsFor(file))[0]).toMatchObject({
      firing: false,
      threshold: 50,
    });
  });

  it("stops firing when the day is over", () => {
    const [tomorrow] = measure(day, { now: seoul("2030-03-07T00:30"), zone: ZONE }, settingsFor(file));
    expect(tomorrow).toMatchObject({ firing: false, value: 0 });
  });

  it("is this week's from Monday against the weekly limit", () => {
    const [thisWeek] = measure(week, clock, settingsFor(file));
    expect(thisWeek!.value).toBeCloseTo(150 + 20 + 10 + 15 + 16, 9);
    expect(thisWeek).toMatchObject({ firing: false, threshold: 300 });
    expect(thisWeek!.facts).toMatchObject({
      period: "week",
      since: seoul("2030-03-04T00:00"),
      sinceDate: "2030-03-04",
    });
    expect(thisWeek!.facts.path).toBe("/costs?from=2030-03-04&to=2030-03-06");

    pythonWrites(file, [llmCall(seoul("2030-03-06T10:20"), { cost: 90 })]);
    expect(measure(week, clock, settingsFor(file))[0]).toMatchObject({ firing: true });
    // Next Monday the week starts again.
    expect(measure(week, { now: seoul("2030-03-11T08:00"), zone: ZONE }, settingsFor(file))[0]).toMatchObject({
      firing: false,
      value: 0,
    });
  });
});

describe("spend_forecast", () => {
  const forecast = ruleOf("spend_forecast", {});

  it("adds the last hour's rate for the hours left, firing while today's spend is under the limit", () => {
    // Today so far: 10 + 15 + 16 + 90 = 131 at 10:30, over the limit: the spend rule's news, not the forecast's.
    const [over] = measure(forecast, clock, settingsFor(file));
    expect(over).toMatchObject({ firing: false, threshold: 50 });

    // A day that has spent 6 by 10:30, 5 of it in the last hour: 6 + 5 × 13.5 = 73.5 by midnight.
    const [idle] = measure(forecast, { now: seoul("2030-03-13T10:30"), zone: ZONE }, settingsFor(file));
    expect(idle).toMatchObject({ firing: false, value: 0 }); // nothing spent yet that day
    pythonWrites(file, [
      llmCall(seoul("2030-03-13T08:00"), { cost: 1 }),
      llmCall(seoul("2030-03-13T09:45"), { cost: 2 }),
      llmCall(seoul("2030-03-13T10:15"), { cost: 3 }),
    ]);
    const [spiking] = measure(forecast, { now: seoul("2030-03-13T10:30"), zone: ZONE }, settingsFor(file));
    expect(spiking).toMatchObject({ firing: true, threshold: 50 });
    expect(spiking!.value).toBeCloseTo(73.5, 9);
    expect(spiking!.facts).toMatchObject({ hoursLeft: 13.5, limit: 50 });
    expect(spiking!.facts.spent).toBeCloseTo(6, 9);
    expect(spiking!.facts.hourlyRate).toBeCloseTo(5, 9);

    // An hour later nothing more was spent: 6 + 0 × 12.5.
    const [calm] = measure(forecast, { now: seoul("2030-03-13T11:30"), zone: ZONE }, settingsFor(file));
    expect(calm).toMatchObject({ firing: false });
    expect(calm!.value).toBeCloseTo(6, 9);
  });
});
