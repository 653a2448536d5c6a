import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import { alertTestFile, ruleOf, settingsFor, ZONE } from "@/db/alerts/trading-writes";

const clock = { now: Date.now(), zone: ZONE };
let file: string;

beforeAll(async () => {
  file = await alertTestFile();
});

function freePercentOf(folder: string): number {
  const disk = fs.statfsSync(folder);
  return (disk.bavail / disk.blocks) * 100;
}

describe("database", () => {
  const rule = ruleOf("database", { minFreePercent: 0.01 });

  it("is fine for the trading system's file on a disk with room", () => {
    const [fine] = measure(rule, clock, settingsFor(file));
    expect(fine).toMatchObject({ instance: "", firing: false, threshold: 0.01, facts: { problem: null } });
    expect(JSON.stringify(fine!.facts)).not.toContain(file); // facts reach messages, the API and public pages: no paths
    expect(fine!.value).toBeCloseTo(freePercentOf(path.dirname(file)), 1);
    expect(fine!.facts.path).toBe("/system");
  });

  it("fires while the file is missing, without creating it, and stops once it is restored", () => {
    const aside = `${file}.aside`;
    fs.renameSync(file, aside);
    try {
      expect(measure(rule, clock, settingsFor(file))[0]).toMatchObject({ firing: true, facts: { problem: "missing" } });
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      fs.renameSync(aside, file);
    }
    expect(measure(rule, clock, settingsFor(file))[0]).toMatchObject({ firing: false, facts: { problem: null } });
  });

  it("fires while the file is marked read-only, even for root", () => {
    const mode = fs.statSync(file).mode & 0o777;
    fs.chmodSync(file, 0o444);
    try {
      expect(measure(rule, clock, settingsFor(file))[0]).toMatchObject({
        firing: true,
        facts: { problem: "read-only" },
      });
    } finally {
      fs.chmodSync(file, mode);
    }
    expect(measure(rule, clock, settingsFor(file))[0]).toMatchObject({ firing: false });
  });

  it("fires when its disk has less free space than the rule asks for", () => {
    // The disk's free space is what it is: a rule asking for a little more than it has fires, a little less does not.
    const free = freePercentOf(path.dirname(file));
    const asking = (minFreePercent: number) =>
      measure(ruleOf("database", { minFreePercent }), clock, settingsFor(file))[0]!;
    if (free + 0.5 <= 50) expect(asking(free + 0.5)).toMatchObject({ firing: true, facts: { problem: "disk-full" } });
    if (free - 0.5 > 0) expect(asking(free - 0.5)).toMatchObject({ firing: false, facts: { problem: null } });
  });

  it("answers for a folder that is gone too", () => {
    const gone = path.join(path.dirname(file), "no-such-folder", "trading.db");
    expect(measure(rule, clock, settingsFor(gone))[0]).toMatchObject({
      firing: true,
      value: null,
      facts: { problem: "missing", freePercent: null },
    });
  });
});
