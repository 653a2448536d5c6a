import { describe, expect, it } from "vitest";
import { canonicalModel, MODEL_NAME } from "./model-names";

describe("canonicalModel", () => {
  const cases: [string, string][] = [
    ["opus-4.1", "opus-4.1"],
    ["claude-opus-4-1-20250805", "opus-4.1"],
    ["claude-opus-4-1", "opus-4.1"],
    ["sonnet-4", "sonnet-4"],
    ["claude-sonnet-4-20250514", "sonnet-4"],
    ["claude-3-5-sonnet-20241022", "sonnet-3.5"],
    ["opus-3.5", "opus-3.5"],
    ["gpt-5", "gpt-5"],
    ["gpt-5-2025-08-07", "gpt-5"],
    ["gpt-5-mini-2025-08-07", "gpt-5-mini"],
    ["gpt-5-nano", "gpt-5-nano"],
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["flash-2.5", "flash-2.5"],
    ["gemini-2.5-flash", "flash-2.5"],
    ["models/gemini-2.5-flash", "flash-2.5"],
    ["flash-lite", "flash-lite"],
    ["models/gemini-2.5-flash-lite", "flash-lite"],
    ["gemini-2.5-pro", "gemini-2.5-pro"],
    ["sonar-pro", "sonar-pro"],
    ["sonar", "sonar"],
    ["  Some-New-Model  ", "some-new-model"],
  ];
  for (const [raw, canonical] of cases) {
    it(`${raw} → ${canonical}`, () => expect(canonicalModel(raw)).toBe(canonical));
  }
});

describe("the model names an operator may write into the trading system's config", () => {
  it("are the real names: API ids, hub paths, tags and versions", () => {
    for (const name of [
      "claude-opus-4-1-20250805",
      "gpt-4o-mini",
      "gemini-2.5-pro",
      "deepseek/deepseek-chat",
      "meta-llama/Llama-3.1-70B-Instruct",
      "qwen2.5:72b",
      "claude-3-5-sonnet@20240620",
      "models/gemini-2.5-flash",
      "o3",
      "x",
      "01-ai/Yi-34B",
      "m".repeat(100),
    ]) {
      expect(name, name).toMatch(MODEL_NAME);
    }
  });

  it("never hold what a YAML reader refuses or reads otherwise: control, C1 and line-break characters, noncharacters, quotes, spaces, a leading indicator", () => {
    const refused = [
      "",
      "m".repeat(101),
      "gpt 5",
      "gpt\t5",
      "gpt-5\n",
      "gpt\u00855",
      "gpt\u00805",
      "gpt\u009F5",
      "gpt\u20285",
      "gpt\uFFFE",
      "gpt\uFFFF",
      "gpt\u00A05",
      "gpt\u202E5",
      "gpt\u00005",
      "gpt\u007F5",
      "gpt-5é",
      "모델",
      "\u2126",
      "'gpt-5'",
      '"gpt-5"',
      "gpt#5",
      "gpt,5",
      "[gpt]",
      "{gpt}",
      "gpt&5",
      "gpt*5",
      "gpt!5",
      "gpt%5",
      "gpt|5",
      "gpt>5",
      "gpt\\5",
      "gpt`5",
      "-gpt",
      ".inf",
      ":gpt",
      "/gpt",
      "@gpt",
      "+gpt",
      "_gpt",
      "gpt-",
      "gpt:",
      "gpt/",
    ];
    for (const name of refused) expect(name, JSON.stringify(name)).not.toMatch(MODEL_NAME);
  });
});
