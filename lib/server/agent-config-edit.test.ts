import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { agentsPyYamlReads, HAS_PYYAML } from "@/db/testing/pyyaml";
import { BUNDLED_AGENT_CONFIG_PATH } from "./config";
import { AgentConfigEditError, UnsafeAgentConfigEdit, withAgentModel } from "./agent-config-edit";

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
    const text =
      "agents:\n  a:\n    provider: \"gpt\"  # quoted\n    model: 'x'\n  b:\n    provider: gpt\n    model: y # note\n";
    expect(withAgentModel(text, "a", { provider: "claude", model: "it's" })).toBe(
      "agents:\n  a:\n    provider: \"claude\"  # quoted\n    model: 'it''s'\n  b:\n    provider: gpt\n    model: y # note\n",
    );
    expect(withAgentModel(text, "b", { provider: "gpt", model: "4.5" })).toBe(text.replace("model: y", 'model: "4.5"'));
    expect(withAgentModel(text, "b", { provider: "gpt", model: "no" })).toBe(text.replace("model: y", 'model: "no"'));
    expect(withAgentModel(text, "b", { provider: "gpt", model: "a: b #c" })).toBe(
      text.replace("model: y", 'model: "a: b #c"'),
    );
  });

  it("refuses an agent the file does not hold, and a file that is not YAML", () => {
    expect(() => withAgentModel(real, "nobody", { provider: "gpt", model: "gpt-5" })).toThrow(
      new AgentConfigEditError("has no agents.nobody.provider value to change"),
    );
    expect(() => withAgentModel("agents: [", "cio", { provider: "gpt", model: "gpt-5" })).toThrow(/is not valid YAML/);
  });
});

describe("a swap never leaves the trading system's config unreadable", () => {
  /** The texts as files, read by PyYAML in one run. */
  function pyYamlReads(texts: string[]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-config-edit-"));
    const files = texts.map((text, i) => path.join(dir, `${i}.yaml`));
    texts.forEach((text, i) => fs.writeFileSync(files[i]!, text));
    return agentsPyYamlReads(files);
  }

  // Names the form refuses can still reach the file: a rollback writes back whatever the history held.
  const NAMES = [
    "claude-opus-4-1-20250805",
    "meta-llama/Llama-3.1-70B-Instruct",
    "qwen2.5:72b",
    "deepseek/deepseek-chat",
    "foo:",
    "yes",
    "No",
    "on",
    "y",
    "null",
    "~",
    "4.5",
    "1e3",
    "0x1F",
    "1:20",
    "2001-12-14",
    ".inf",
    "<<",
    "=",
    "-x",
    "&a",
    "*a",
    "!a",
    "%a",
    "@a",
    "`a",
    "#a",
    "|a",
    ">a",
    "a: b",
    "a #b",
    "it's",
    'say "hi"',
    "back\\slash",
    "tab\tin",
    "x\u0080y",
    "x\u0085y",
    "x\u009Fy",
    "x\u2028y",
    "\uFFFE",
    "\uFFFF",
    "é",
    "模型",
    "😀",
  ];
  const QUOTED = real.replace(
    "  cio:\n    provider: claude\n    model: opus-4.1\n",
    "  cio:\n    provider: claude\n    model: 'opus-4.1'\n",
  );

  it.skipIf(!HAS_PYYAML)(
    "writes any model name so that PyYAML reads it back exactly, and every other agent as it was",
    () => {
      expect(QUOTED).not.toBe(real);
      const edited = [real, QUOTED].flatMap((text) =>
        NAMES.map((model) => withAgentModel(text, "cio", { provider: "gpt", model })),
      );
      const [before, ...after] = pyYamlReads([real, ...edited]);
      after.forEach((agents, i) =>
        expect(agents, JSON.stringify(NAMES[i % NAMES.length])).toEqual({
          ...before,
          cio: ["gpt", NAMES[i % NAMES.length]],
        }),
      );
    },
  );

  const ANCHORED =
    "agents:\n  cio:\n    provider: claude\n    model: &big opus-4.1  # shared\n  risk_analyst:\n    provider: claude\n    model: *big\n";

  it("refuses a change that a YAML anchor would carry to a second agent", () => {
    expect(() => withAgentModel(ANCHORED, "cio", { provider: "claude", model: "sonnet-4" })).toThrow(
      new UnsafeAgentConfigEdit("would change risk_analyst too, through a YAML anchor or merge key shared with cio"),
    );
    const global =
      "agents:\n  cio:\n    provider: claude\n    model: &big opus-4.1\nglobal_settings:\n  fallback_model: *big\n";
    expect(() => withAgentModel(global, "cio", { provider: "claude", model: "sonnet-4" })).toThrow(
      /would change other settings too/,
    );
  });

  it("refuses a change that a merge key would carry to a second agent, as PyYAML merges", () => {
    const merged =
      "agents:\n  cio: &cio\n    provider: claude\n    model: opus-4.1\n  deputy:\n    <<: *cio\n    temperature: 0.2\n";
    expect(() => withAgentModel(merged, "cio", { provider: "gpt", model: "gpt-5" })).toThrow(/would change deputy too/);
  });

  it.skipIf(!HAS_PYYAML)("writes the value in place of an alias, changing that agent alone", () => {
    const out = withAgentModel(ANCHORED, "risk_analyst", { provider: "gpt", model: "gpt-5" });
    expect(out).toBe(ANCHORED.replace("provider: claude\n    model: *big", "provider: gpt\n    model: gpt-5"));
    expect(pyYamlReads([out])).toEqual([{ cio: ["claude", "opus-4.1"], risk_analyst: ["gpt", "gpt-5"] }]);
  });

  it("leaves alone a file that PyYAML cannot read or reads other than Agent Desk", () => {
    expect(() => withAgentModel(`${real}# \u0080\n`, "cio", { provider: "gpt", model: "gpt-5" })).toThrow(
      new AgentConfigEditError("holds U+0080, a character the trading system's PyYAML refuses to read"),
    );
    expect(() => withAgentModel(`${real}# \uFFFE\n`, "cio", { provider: "gpt", model: "gpt-5" })).toThrow(
      /holds U\+FFFE/,
    );
    expect(() => withAgentModel(`${real}# a\u2028b\n`, "cio", { provider: "gpt", model: "gpt-5" })).toThrow(
      new AgentConfigEditError("holds U+2028, which the trading system's PyYAML reads as a line break"),
    );
  });
});
