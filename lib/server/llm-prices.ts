import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ConfigError } from "../config-error";
import { canonicalModel } from "../model-names";
import type { ModelPrice, PriceTable, SwapPrices } from "../swap-cost";

const LABEL = "LLM_PRICES_PATH";
const FIELDS = ["input", "output"] as const;

// The last reading of each file, kept while its mtime and size stay the same: an edit is read on the next request,
// without a restart, and an unchanged file is not parsed again.
const readings = new Map<string, { mtimeMs: number; size: number; prices: PriceTable }>();

/**
 * The prices of llm-prices.yaml (USD per 1M tokens, by canonical model name). Throws ConfigError naming the file,
 * and for a bad entry the model and the field.
 */
export function readLlmPrices(file: string): PriceTable {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${LABEL} '${file}' ${code === "ENOENT" ? "does not exist" : "cannot be read"}`);
  }
  if (stat.isDirectory()) throw new ConfigError(`${LABEL} '${file}' is a directory`);
  const kept = readings.get(file);
  if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) return kept.prices;

  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(`${LABEL} '${file}' cannot be read`);
  }
  const prices = parsePrices(text, file);
  readings.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, prices });
  return prices;
}

/** The prices for the swap form, or what is wrong with the file (naming it by its base name only). */
export function swapFormPrices(file: string): SwapPrices {
  const name = path.basename(file);
  try {
    return { file: name, table: readLlmPrices(file) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { file: name, error: error.message.replaceAll(file, name) };
  }
}

function parsePrices(text: string, file: string): PriceTable {
  const fail = (what: string) => new ConfigError(`${LABEL} '${file}': ${what}`);
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(`${LABEL} '${file}' is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (!isMapping(raw)) throw fail("expected model names, each with { input, output } in USD per 1M tokens");

  const prices: [string, ModelPrice][] = [];
  const written = new Map<string, string>();
  for (const [model, entry] of Object.entries(raw)) {
    if (!isMapping(entry)) throw fail(`${model}: expected { input, output } in USD per 1M tokens`);
    const extra = Object.keys(entry).find((key) => !(FIELDS as readonly string[]).includes(key));
    if (extra !== undefined) throw fail(`${model}: unknown field '${extra}' (only input and output)`);
    const price = {} as ModelPrice;
    for (const field of FIELDS) {
      const value = entry[field];
      if (value === undefined || value === null) throw fail(`${model}: ${field} is missing`);
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw fail(
          `${model}: ${field} must be a non-negative number, not ${typeof value === "number" ? value : JSON.stringify(value)}`,
        );
      price[field] = value;
    }
    const name = canonicalModel(model);
    const twin = written.get(name);
    if (twin !== undefined) throw fail(`${twin} and ${model} are the same model (${name})`);
    written.set(name, model);
    prices.push([name, Object.freeze(price)]);
  }
  return Object.freeze(Object.fromEntries(prices)); // own properties only, whatever a model is called
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
