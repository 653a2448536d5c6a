import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import {
  alertTestFile,
  llmCall,
  pythonWrites,
  ruleOf,
  seoul,
  settingsFor,
  trade,
  ZONE,
} from "@/db/alerts/trading-writes";

const rule = ruleOf("quiet", { minutes: 30, days: [1, 2, 3, 4, 5], start: "09:00", end: "15:30", zone: ZONE });
const at = (wall: string) => ({ now: seoul(wall), zone: ZONE });
let file: string;

beforeAll(async () => {
  file = await alertTestFile();
  // The trading system's last writes on Tuesday 2030-03-05.
  pythonWrites(file, [llmCall(seoul("2030-03-05T15:10")), trade("T-TUE", seoul("2030-03-05T15:00"), { cio: 1 }, 1000)]);
});

describe("quiet", () => {
  it("counts from today's opening when nothing was written since: firing 30 minutes after it", () => {
    const [early] = measure(rule, at("2030-03-06T09:29"), settingsFor(file));
    expect(early).toEqual({
      instance: "",
      firing: false,
      value: 29,
      threshold: 30,
      facts: {
        lastCallAt: seoul("2030-03-05T15:10"),
        lastTradeAt: seoul("2030-03-05T15:00"),
        openedAt: seoul("2030-03-06T09:00"),
        path: "/system",
      },
    });
    expect(measure(rule, at("2030-03-06T09:30"), settingsFor(file))[0]).toMatchObject({ firing: true, value: 30 });
  });

  it("counts from the later of the newest call and trade, and stops firing when either is written", () => {
    pythonWrites(file, [llmCall(seoul("2030-03-06T09:40")), trade("T-WED", seoul("2030-03-06T09:50"), { cio: 1 }, 0)]);
    expect(measure(rule, at("2030-03-06T10:25"), settingsFor(file))[0]).toMatchObject({ firing: true, value: 35 });
    pythonWrites(file, [llmCall(seoul("2030-03-06T10:20"))]);
    const [written] = measure(rule, at("2030-03-06T10:25"), settingsFor(file));
    expect(written).toMatchObject({ firing: false, value: 5, facts: { lastCallAt: seoul("2030-03-06T10:20") } });
  });

  it("never fires outside working hours: after the close, before the opening, on a weekend", () => {
    for (const wall of ["2030-03-06T15:30", "2030-03-06T20:00", "2030-03-07T08:59", "2030-03-09T11:00"]) {
      expect(measure(rule, at(wall), settingsFor(file))[0], wall).toMatchObject({
        firing: false,
        value: null,
        facts: { openedAt: null },
      });
    }
  });

  it("reads working hours in the rule's zone and event times in the data's", () => {
    // 09:00–15:30 in London is 18:00–00:30 in Seoul in March (GMT): at 19:00 Seoul, 10:00 London, open since 09:00.
    const london = ruleOf("quiet", { minutes: 30, days: [3], start: "09:00", end: "15:30", zone: "Europe/London" });
    expect(measure(london, at("2030-03-06T19:00"), settingsFor(file))[0]).toMatchObject({
      firing: true,
      value: 60,
      facts: { openedAt: seoul("2030-03-06T18:00") },
    });
  });
});
