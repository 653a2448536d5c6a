import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "@/db/seed/models";
import { tempDir } from "@/db/testing/upstream-file";
import { priceOf } from "@/lib/swap-cost";
import { BUNDLED_LLM_PRICES_PATH } from "./config";
import { readLlmPrices, swapFormPrices } from "./llm-prices";

const write = (text: string) => {
  const file = path.join(tempDir(), "llm-prices.yaml");
  fs.writeFileSync(file, text);
  return file;
};

describe("llm-prices.yaml", () => {
  it("prices every model the demo seed prices its calls by, with the same numbers", () => {
    const prices = readLlmPrices(BUNDLED_LLM_PRICES_PATH);
    expect(Object.fromEntries(CATALOG.map((m) => [m.alias, { input: m.inputPrice, output: m.outputPrice }]))).toEqual(
      prices,
    );
  });

  it("finds a model under its API ids", () => {
    const prices = readLlmPrices(BUNDLED_LLM_PRICES_PATH);
    expect(priceOf(prices, "claude-opus-4-1-20250805")).toEqual({ input: 20, output: 80 });
    expect(priceOf(prices, "models/gemini-2.5-flash")).toEqual({ input: 0.075, output: 0.3 });
    // An entry written as an API id is found under its alias too.
    const file = write("claude-sonnet-4-20250514: { input: 4, output: 20 }\n");
    expect(priceOf(readLlmPrices(file), "sonnet-4")).toEqual({ input: 4, output: 20 });
  });

  it("is read again once edited, without a restart", () => {
    const file = write("gpt-5: { input: 10, output: 30 }\n");
    expect(readLlmPrices(file)["gpt-5"]).toEqual({ input: 10, output: 30 });
    fs.writeFileSync(file, "gpt-5: { input: 12, output: 36 }\n"); // same size: only the time tells
    const later = new Date(fs.statSync(file).mtimeMs + 2_000);
    fs.utimesSync(file, later, later);
    expect(readLlmPrices(file)["gpt-5"]).toEqual({ input: 12, output: 36 });
  });

  const bad: [string, string, RegExp][] = [
    [
      "a negative price",
      "gpt-5: { input: -1, output: 30 }",
      /'[^']+': gpt-5: input must be a non-negative number, not -1$/,
    ],
    [
      "a price in words",
      "gpt-5: { input: 10, output: cheap }",
      /: gpt-5: output must be a non-negative number, not "cheap"$/,
    ],
    [
      "an infinite price",
      "gpt-5: { input: .inf, output: 30 }",
      /: gpt-5: input must be a non-negative number, not Infinity$/,
    ],
    ["a missing price", "sonar: { input: 0.5 }", /: sonar: output is missing$/],
    [
      "a misspelt field",
      "sonar: { input: 0.5, ouput: 0.5 }",
      /: sonar: unknown field 'ouput' \(only input and output\)$/,
    ],
    ["a bare number", "sonar: 0.5", /: sonar: expected \{ input, output \}/],
    [
      "one model twice",
      "opus-4.1: { input: 20, output: 80 }\nclaude-opus-4-1: { input: 15, output: 75 }",
      /: opus-4\.1 and claude-opus-4-1 are the same model \(opus-4\.1\)$/,
    ],
    ["a list", "- gpt-5", /: expected model names/],
    ["an empty file", "", /: expected model names/],
    ["broken YAML", "gpt-5: { input: 10", /^LLM_PRICES_PATH '[^']+' is not valid YAML/],
  ];
  it.each(bad)("refuses %s, naming the file, the model and the field", (_, text, message) => {
    const file = write(text);
    expect(() => readLlmPrices(file)).toThrow(message);
    expect(() => readLlmPrices(file)).toThrow(`LLM_PRICES_PATH '${file}'`);
  });

  it("refuses a missing file, naming the path", () => {
    expect(() => readLlmPrices("/nope/llm-prices.yaml")).toThrow(
      /^LLM_PRICES_PATH '\/nope\/llm-prices\.yaml' does not exist$/,
    );
  });

  it("gives the swap form what is wrong, naming the file by its name only", () => {
    const file = write("gpt-5: { input: 10 }\n");
    expect(swapFormPrices(file)).toEqual({
      file: "llm-prices.yaml",
      error: "LLM_PRICES_PATH 'llm-prices.yaml': gpt-5: output is missing",
    });
    fs.writeFileSync(file, "gpt-5: { input: 10, output: 30 }\n");
    fs.utimesSync(file, new Date(Date.now() + 5_000), new Date(Date.now() + 5_000));
    expect(swapFormPrices(file)).toEqual({ file: "llm-prices.yaml", table: { "gpt-5": { input: 10, output: 30 } } });
  });
});
