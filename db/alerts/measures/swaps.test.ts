import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { measure } from "@/db/alerts/measure";
import { alertTestFile, breachedSwap, pythonWrites, ruleOf, settingsFor, swap, ZONE } from "@/db/alerts/trading-writes";
import { AUTO_ROLLBACK_ACTOR } from "@/db/commands/auto-rollback";
import { rollbackSwap } from "@/db/commands/model-swaps";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const breachedRule = ruleOf("swap_breached", {});
const changeRule = ruleOf("swap_change", {});
// Swaps are dated by the real clock: Agent Desk records its rollbacks at the real now.
const T0 = Date.now();
const SWAP_AT = T0 - 5 * DAY;
let file: string;
let ids: { optimizer: number; benchmarker: number };

beforeAll(async () => {
  file = await alertTestFile();
  pythonWrites(file, [
    ...breachedSwap(SWAP_AT, "strategy_optimizer", ["claude", "opus-4.1"], ["claude", "sonnet-4"]),
    ...breachedSwap(SWAP_AT, "model_benchmarker", ["claude", "opus-4.1"], ["gpt", "gpt-5"]),
  ]);
  const db = new Database(file, { readonly: true });
  const idOf = (agent: string) =>
    db.prepare("SELECT max(id) FROM model_evolution_history WHERE agent_name = ?").pluck().get(agent) as number;
  ids = { optimizer: idOf("strategy_optimizer"), benchmarker: idOf("model_benchmarker") };
  db.close();
});

describe("swap_breached and swap_change", () => {
  it("fire for each breached swap, and note each swap of the last 7 days", () => {
    const clock = { now: T0, zone: ZONE };
    const breached = measure(breachedRule, clock, settingsFor(file, true));
    const optimizer = breached.find((o) => o.instance === String(ids.optimizer))!;
    expect(optimizer).toMatchObject({
      firing: true,
      threshold: -0.1,
      facts: {
        agent: "strategy_optimizer",
        fromModel: "opus-4.1",
        toModel: "sonnet-4",
        autoRollback: true,
        rolledBackBy: null,
        rollbackId: null,
        path: `/evolution/${ids.optimizer}`,
      },
    });
    expect(optimizer.value).toBeCloseTo(-0.75, 9); // success 1 → 0.25, relative to 1
    expect(breached.find((o) => o.instance === String(ids.benchmarker))).toMatchObject({ firing: true });

    const changes = measure(changeRule, clock, settingsFor(file));
    // The writer's own swaps of 9 and 14 days ago are older than a week.
    expect(changes.map((o) => o.instance).sort()).toEqual([String(ids.optimizer), String(ids.benchmarker)].sort());
    expect(changes.find((o) => o.instance === String(ids.optimizer))).toEqual({
      instance: String(ids.optimizer),
      firing: true,
      value: null,
      threshold: null,
      facts: {
        agent: "strategy_optimizer",
        fromProvider: "claude",
        fromModel: "opus-4.1",
        toProvider: "claude",
        toModel: "sonnet-4",
        trigger: "manual",
        actor: null,
        rollbackOf: null,
        reason: "strategy_optimizer to sonnet-4",
        at: SWAP_AT,
        path: `/evolution/${ids.optimizer}`,
      },
    });
  });

  it("stop firing once rolled back, saying whether AUTO_ROLLBACK or someone else did it", () => {
    const automatic = rollbackSwap(ids.optimizer, { name: AUTO_ROLLBACK_ACTOR, trigger: "automatic" });
    expect(automatic).toMatchObject({ ok: true });
    const automaticId = (automatic as { id: number }).id;
    // The trading system's own rollback: the models put back, with no audit entry of Agent Desk's.
    pythonWrites(file, [swap(T0 - HOUR, "model_benchmarker", ["gpt", "gpt-5"], ["claude", "opus-4.1"])]);

    const clock = { now: Date.now(), zone: ZONE };
    const breached = measure(breachedRule, clock, settingsFor(file, true));
    expect(breached.find((o) => o.instance === String(ids.optimizer))).toMatchObject({
      firing: false,
      facts: { rolledBackBy: "automatic", rollbackId: automaticId },
    });
    expect(breached.find((o) => o.instance === String(ids.benchmarker))).toMatchObject({
      firing: false,
      facts: { rolledBackBy: "manual" },
    });
    expect(breached.filter((o) => o.firing)).toEqual([]);

    const changes = measure(changeRule, clock, settingsFor(file));
    expect(changes).toHaveLength(4);
    expect(changes.find((o) => o.instance === String(automaticId))!.facts).toMatchObject({
      agent: "strategy_optimizer",
      fromModel: "sonnet-4",
      toModel: "opus-4.1",
      trigger: "automatic",
      actor: AUTO_ROLLBACK_ACTOR,
      rollbackOf: ids.optimizer,
    });
    const byHand = changes.find((o) => o.facts.agent === "model_benchmarker" && o.facts.toModel === "opus-4.1")!;
    expect(byHand.facts).toMatchObject({ trigger: "manual", actor: null, rollbackOf: ids.benchmarker });
  });

  it("note nothing once every swap is older than a week", () => {
    expect(measure(changeRule, { now: Date.now() + 8 * DAY, zone: ZONE }, settingsFor(file))).toEqual([]);
  });
});
