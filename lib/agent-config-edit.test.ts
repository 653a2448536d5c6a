import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { BUNDLED_AGENT_CONFIG_PATH } from "./config";
import { AgentConfigEditError, withAgentModel } from "./agent-config-edit";

const real = fs.readFileSync(BUNDLED_AGENT_CONFIG_PATH, "utf8");

/** The lines that differ between two texts of the same line count. */
function changedLines(a: string, b: string): [string, string][] {
  const [x, y] = [a.split("\n"), b.split("\n")];
  expect(y.length).toBe(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i]!] as [string, string]]));
}

describe("rewriting one agent's model in the trading system's config", () => {
  it("changes exactly the two values, keeping every comment and every other byte", () => {
    const out = withAgentModel(real, "cio", { provider: "gpt", model: "gpt-5" });
    const changed = changedLines(real, out);
    expect(changed).toHaveLength(2);
    for (const [before, after] of changed) {
      expect(before.replace(/(provider|model): \S+/, "")).toBe(after.replace(/(provider|model): \S+/, "")); // indent and trailing comment kept
    }
    expect(changed.map(([, after]) => after.trim().split("#")[0]!.trim())).toEqual(["provider: gpt", "model: gpt-5"]);
    expect(withAgentModel(out, "cio", { provider: "claude", model: "opus-4.1" })).toBe(real); // and back, byte for byte
  });

  it("keeps a value's quoting and quotes a value that plain YAML would misread", () => {
    const text = 'agents:\n  a:\n    provider: "gpt"  # quoted\n    model: \'x\'\n  b:\n    provider: gpt\n    model: y # note\n';
    expect(withAgentModel(text, "a", { provider: "claude", model: "it's" })).toBe('agents:\n  a:\n    provider: "claude"  # quoted\n    model: \'it\'\'s\'\n  b:\n    provider: gpt\n    model: y # note\n');
    expect(withAgentModel(text, "b", { provider: "gpt", model: "4.5" })).toBe(text.replace("model: y", 'model: "4.5"'));
    expect(withAgentModel(text, "b", { provider: "gpt", model: "no" })).toBe(text.replace("model: y", 'model: "no"'));
    expect(withAgentModel(text, "b", { provider: "gpt", model: "a: b #c" })).toBe(text.replace("model: y", 'model: "a: b #c"'));
  });

  it("refuses an agent the file does not hold, and a file that is not YAML", () => {
    expect(() => withAgentModel(real, "nobody", { provider: "gpt", model: "gpt-5" })).toThrow(new AgentConfigEditError("has no agents.nobody.provider value to change"));
    expect(() => withAgentModel("agents: [", "cio", { provider: "gpt", model: "gpt-5" })).toThrow(/is not valid YAML/);
  });
});
