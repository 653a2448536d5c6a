import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/testing/upstream-file";
import { SWAP_STATUSES } from "@/lib/swap-status";
import { getEvolution } from "./evolution";

// The demo is seeded to end "today", and its trades depend on the weekday it ends on: the story is checked on one
// fixed end, judged at that day's last second, so the test says the same every day of the week.
const END = "2025-09-17";
const clock = { now: Date.parse(`${END}T23:59:59+09:00`), zone: "Asia/Seoul" };

beforeAll(() => {
  const file = path.join(tempDir(), "demo.db");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--end", END], {
    stdio: "pipe",
  });
  process.env.DATABASE_PATH = file;
});

describe("the demo's swap history, judged", () => {
  it("tells the seeded story: a rollback, a breach, swaps still validating", () => {
    const swaps = getEvolution(clock);
    for (const swap of swaps) expect(SWAP_STATUSES).toContain(swap.status);

    const rollback = swaps.find((s) => s.rollbackOf !== null)!;
    const undone = swaps.find((s) => s.id === rollback.rollbackOf)!;
    expect(undone).toMatchObject({ agentName: "technical_analyst", newModel: "sonnet-4", status: "rolled_back" });
    expect(rollback).toMatchObject({
      agentName: "technical_analyst",
      newModel: undone.oldModel,
      oldModel: undone.newModel,
    });

    const flow = swaps.find((s) => s.agentName === "flow_analyst")!; // newest first: its latest swap
    expect(flow).toMatchObject({ newModel: "flash-lite", status: "breached" });
    expect(flow.realizedInterval![1]).toBeLessThan(flow.rollbackThreshold!); // the whole interval below it
    expect(undone.verdict.outcome).toBe("breached"); // what made it worth rolling back

    const validating = swaps.filter((s) => s.status === "validating");
    expect(validating.length).toBeGreaterThanOrEqual(1);
    for (const swap of validating) expect(swap.validation.progress!).toBeLessThan(1);
  });

  it("filters by agent and answers an unknown agent with nothing", () => {
    expect(getEvolution(clock, { agent: "technical_analyst" }).every((s) => s.agentName === "technical_analyst")).toBe(
      true,
    );
    expect(getEvolution(clock, { agent: "nobody" })).toEqual([]);
  });
});
