import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { forgetServerState } from "@/db/testing/server-state";
import { tempDir } from "@/db/testing/upstream-file";
import { SWAP_STATUSES } from "@/lib/swap-status";
import { getEvolution } from "./evolution";

// The demo is seeded to end "today", and its trades depend on the weekday it ends on: the story must hold whichever
// day of the week the demo is made on, so it is checked for an end on each of seven days, judged at its last second.
const ENDS = ["2025-09-15", "2025-09-16", "2025-09-17", "2025-09-18", "2025-09-19", "2025-09-20", "2025-09-21"];

function demoEndingOn(end: string) {
  const file = path.join(tempDir(), `demo-${end}.db`);
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--end", end], {
    stdio: "pipe",
  });
  forgetServerState();
  process.env.DATABASE_PATH = file;
  return { now: Date.parse(`${end}T23:59:59+09:00`), zone: "Asia/Seoul" };
}

describe("the demo's swap history, judged", () => {
  it.each(ENDS)(
    "ending on %s, tells the story: a clear pass, a clear breach rolled back, noise, a swap still validating",
    (end) => {
      const clock = demoEndingOn(end);
      const swaps = getEvolution(clock);
      for (const swap of swaps) expect(SWAP_STATUSES).toContain(swap.status);

      // technical_analyst's move to sonnet-4: its whole interval below the threshold, then rolled back.
      const rollback = swaps.find((s) => s.rollbackOf !== null)!;
      const undone = swaps.find((s) => s.id === rollback.rollbackOf)!;
      expect(undone).toMatchObject({ agentName: "technical_analyst", newModel: "sonnet-4", status: "rolled_back" });
      expect(undone.verdict.outcome).toBe("breached");
      expect(undone.realizedInterval![1]).toBeLessThan(undone.rollbackThreshold!);
      // The rollback to gpt-5 clearly passes: its whole interval above the threshold.
      expect(rollback).toMatchObject({ newModel: undone.oldModel, oldModel: undone.newModel, status: "passed" });
      expect(rollback.realizedInterval![0]).toBeGreaterThan(rollback.rollbackThreshold!);
      // valuation_analyst's move to gemini-2.5-pro changed nothing: an interval around the threshold.
      const noise = swaps.find((s) => s.agentName === "valuation_analyst" && s.newModel === "gemini-2.5-pro")!;
      expect(noise).toMatchObject({ status: "inconclusive", verdict: { straddles: true } });
      // sector_researcher's cost test is inside its 14-day window.
      const validating = swaps.filter((s) => s.status === "validating");
      expect(validating.map((s) => s.agentName)).toContain("sector_researcher");
      for (const swap of validating) expect(swap.validation.progress!).toBeLessThan(1);
    },
    30_000,
  );

  it("filters by agent and answers an unknown agent with nothing", () => {
    const clock = demoEndingOn(ENDS[0]!);
    expect(getEvolution(clock, { agent: "technical_analyst" }).every((s) => s.agentName === "technical_analyst")).toBe(
      true,
    );
    expect(getEvolution(clock, { agent: "nobody" })).toEqual([]);
  });
});
