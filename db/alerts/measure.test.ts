import path from "node:path";
import { describe, expect, it } from "vitest";
import { forgetServerState } from "@/db/testing/server-state";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { RULE_KINDS, STARTING_PARAMS } from "@/lib/alerts/rule-kinds";
import { CountingInProgress } from "@/lib/counting-in-progress";
import { migrateFile } from "@/migrations/migrate-file";
import { measure } from "./measure";
import { alertTestFile, ruleOf, settingsFor, ZONE } from "./trading-writes";

describe("measure", () => {
  it("answers every kind with its starting params on a counted file, each observation naming its page", async () => {
    const file = await alertTestFile();
    const clock = { now: Date.now(), zone: ZONE };
    for (const kind of RULE_KINDS) {
      const observations = measure(ruleOf(kind, STARTING_PARAMS[kind]), clock, settingsFor(file));
      // Kinds with one instance always answer for it; the others list what they found.
      if (["spend", "spend_forecast", "cost_spike", "quiet", "database"].includes(kind))
        expect(observations, kind).toHaveLength(1);
      for (const o of observations) expect(o.facts.path, kind).toMatch(/^\//);
    }
  });

  it("throws CountingInProgress while a file just adopted is counted, and checks the rule's params", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "trading.db"), ["--days", "2"]);
    await migrateFile(file, { log: () => {}, count: false }); // as npm start: the server counts it
    Object.assign(process.env, { DATABASE_PATH: file, DATA_TIMEZONE: ZONE });
    forgetServerState();
    const clock = { now: Date.now(), zone: ZONE };
    expect(() => measure(ruleOf("spend", { period: "day", share: null }), clock, settingsFor(file))).toThrow(
      CountingInProgress,
    );
    // The file itself is fine, and saying so needs no count.
    expect(measure(ruleOf("database", { minFreePercent: 0.01 }), clock, settingsFor(file))[0]).toMatchObject({
      firing: false,
    });
    expect(() =>
      measure(
        { ...ruleOf("cost_spike", { factor: 3, minUsd: 1 }), params: { factor: 0, minUsd: 1 } },
        clock,
        settingsFor(file),
      ),
    ).toThrow();
  });
});
