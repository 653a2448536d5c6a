import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/testing/upstream-file";
import { SWAP_STATUSES } from "@/lib/swap-status";
import { getEvolution } from "./evolution";

beforeAll(() => {
  const file = path.join(tempDir(), "demo.db");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file], { stdio: "pipe" });
  process.env.DATABASE_PATH = file;
});

describe("the demo's swap history, judged", () => {
  it("tells the seeded story: a rollback, a breach, swaps still validating", () => {
    const swaps = getEvolution();
    for (const swap of swaps) expect(SWAP_STATUSES).toContain(swap.status);

    const rollback = swaps.find((s) => s.rollback_of !== null)!;
    const undone = swaps.find((s) => s.id === rollback.rollback_of)!;
    expect(undone).toMatchObject({ agent_name: "technical_analyst", new_model: "sonnet-4", status: "rolled_back" });
    expect(rollback).toMatchObject({ agent_name: "technical_analyst", new_model: undone.old_model, old_model: undone.new_model });

    const flow = swaps.find((s) => s.agent_name === "flow_analyst")!; // newest first: its latest swap
    expect(flow).toMatchObject({ new_model: "flash-lite", status: "breached" });
    expect(flow.realized_improvement!).toBeLessThan(flow.rollback_threshold!);

    const validating = swaps.filter((s) => s.status === "validating");
    expect(validating.length).toBeGreaterThanOrEqual(1);
    for (const swap of validating) expect(swap.validation.progress!).toBeLessThan(1);
  });

  it("filters by agent and answers an unknown agent with nothing", () => {
    expect(getEvolution({ agent: "technical_analyst" }).every((s) => s.agent_name === "technical_analyst")).toBe(true);
    expect(getEvolution({ agent: "nobody" })).toEqual([]);
  });
});
