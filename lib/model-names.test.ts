import { describe, expect, it } from "vitest";
import { canonicalModel } from "./model-names";

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
