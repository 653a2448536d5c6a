// A swap SIGKILLed at each of its steps (every database statement and file operation, the moment between the config's
// rename and the commit included), on a file the trading system's Python writer made: once the next start has run,
// the config and the swap history agree, the swap wholly there or wholly absent.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { database, OWN_FILE } from "@/db";
import { agentsPyYamlReads, HAS_PYYAML } from "@/db/testing/pyyaml";
import { useTradingFile } from "@/db/testing/upstream-file";
import { withAgentModel } from "@/lib/server/agent-config-edit";
import { settleInterruptedSwaps } from "./model-swaps";

let configFile = "";

beforeAll(async () => {
  ({ configFile } = await useTradingFile());
});

const count = (table: string) =>
  database(OWN_FILE).sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const read = () => fs.readFileSync(configFile, "utf8");
const beside = () =>
  fs.readdirSync(path.dirname(configFile)).filter((name) => name.startsWith(".agent_llm_mapping.yaml."));

/** Swaps cio to gpt `model` in a child process that SIGKILLs itself before its `killAt`th step (0: never). */
function swapKilledAt(killAt: number, model: string) {
  // --conditions=react-server: the commands import server-only, which is empty there as in the server.
  const args = [
    "--conditions=react-server",
    "--import",
    "tsx",
    "db/testing/kill-during-swap.ts",
    String(killAt),
    "cio",
    model,
    `kill-${killAt}-${Date.now()}`,
  ];
  return spawnSync(process.execPath, args, { encoding: "utf8", env: process.env });
}

describe("a swap killed at any instant, the next start settled", () => {
  it("has recorded the swap and changed the config, or done neither, at every step", () => {
    const whole = swapKilledAt(0, "gpt-5");
    expect(whole.stderr).toBe("");
    const { steps } = JSON.parse(whole.stdout) as { steps: number };
    expect(steps).toBeGreaterThan(10);

    let changedUnrecorded = 0;
    for (let at = 1; at <= steps; at++) {
      const [text, history, audit] = [read(), count("model_evolution_history"), count("agent_desk_swap_audit")];
      const model = `gpt-5-kill-${at}`;
      const child = swapKilledAt(at, model);
      expect(child.signal, `step ${at}: ${child.stderr}`).toBe("SIGKILL");
      if (read() !== text && count("model_evolution_history") === history) changedUnrecorded++; // killed between rename and commit

      const settled = settleInterruptedSwaps();
      const added = [count("model_evolution_history") - history, count("agent_desk_swap_audit") - audit];
      expect(
        [
          [0, 0],
          [1, 1],
        ],
        `step ${at}`,
      ).toContainEqual(added);
      expect(read(), `step ${at}`).toBe(added[0] ? withAgentModel(text, "cio", { provider: "gpt", model }) : text);
      expect(
        settled.every((line) =>
          /^put agent_llm_mapping\.yaml back as it was before a swap of cio that was never recorded$/.test(line),
        ),
        settled.join("; "),
      ).toBe(true);
      expect(beside(), `step ${at}: journal or temporary file left`).toEqual([]);
    }
    expect(changedUnrecorded).toBeGreaterThan(0);
    if (HAS_PYYAML) expect(agentsPyYamlReads([configFile])[0]!.cio).toEqual(["gpt", `gpt-5-kill-${steps}`]);
  });
});
