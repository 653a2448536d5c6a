import { canonicalModel } from "./model-names";

// What an agent's recent LLM calls would have cost on another model, for the swap form (computed in the browser as
// the operator types). The log keeps only tokens_used (input and output together) and cost_usd per call, so each
// current model's share of output tokens is inferred from what its calls actually cost at its own prices.

/** USD per 1M tokens, as llm-prices.yaml writes them. */
export type ModelPrice = { input: number; output: number };
/** Prices by canonical model name (lib/model-names.ts `canonicalModel`). */
export type PriceTable = Record<string, ModelPrice>;
/** What the page hands the form: the price table, or why it could not be read; `file` is its name for messages. */
export type SwapPrices = { file: string; table: PriceTable } | { file: string; error: string };

/** One agent's calls of the basis's days on one model (canonical name): tokens and what they cost (USD). */
export type ModelUsage = { provider: string; model: string; tokens: number; cost: number };

/** What a projection is made from (db/queries/swap-cost-basis.ts): the last BASIS_DAYS full days. */
export type SwapCostBasis = {
  /** The first and last calendar day (in the data's zone) of the basis. */
  first: string;
  last: string;
  /** Each agent's calls per model, most expensive first. */
  agents: Record<string, ModelUsage[]>;
  /** The whole desk's LLM cost of the basis's days (USD). */
  deskCost: number;
  costLimitDaily: number;
  costLimitWeekly: number;
};

export const BASIS_DAYS = 7;
export const MONTH_DAYS = 30;
/** The output share of the trading system's typical call, assumed when a model's own cannot be inferred. */
export const TYPICAL_OUTPUT_SHARE = 0.25;

/** A sum of USD over the basis's days, and the same per day and per 30-day month. */
export type Spend = { total: number; perDay: number; perMonth: number };

export type SwapCostProjection =
  | { kind: "noPrice"; model: string }
  | { kind: "noCalls" }
  | {
      kind: "projection";
      /** The agent's models of the basis, most expensive first. */
      models: ModelUsage[];
      current: Spend;
      projected: Spend;
      /** (projected − current) / current; null when the calls cost nothing. */
      change: number | null;
      /** Models whose output share was assumed (TYPICAL_OUTPUT_SHARE): no price, or input priced as output. */
      assumed: string[];
      /** The whole desk's average day and its total over the basis's days, before and after the change. */
      desk: { dailyBefore: number; dailyAfter: number; weekBefore: number; weekAfter: number };
    };

/** The price of `model` under any of its names (`claude-opus-4-1-20250805` finds `opus-4.1`), or null. */
export function priceOf(prices: PriceTable, model: string): ModelPrice | null {
  const name = canonicalModel(model);
  return Object.hasOwn(prices, name) ? prices[name]! : null;
}

/**
 * The share of output tokens in calls that cost `cost` for `tokens` at `price`: s = (cost per 1M tokens − p_in) /
 * (p_out − p_in), clamped to 0..1; TYPICAL_OUTPUT_SHARE (assumed) without a price or when both prices are equal.
 */
export function outputShare(usage: Pick<ModelUsage, "tokens" | "cost">, price: ModelPrice | null) {
  if (price === null || price.output === price.input || usage.tokens <= 0)
    return { share: TYPICAL_OUTPUT_SHARE, assumed: true };
  const perMillion = (usage.cost / usage.tokens) * 1e6;
  const share = (perMillion - price.input) / (price.output - price.input);
  return { share: Math.min(1, Math.max(0, share)), assumed: false };
}

const spend = (total: number): Spend => ({
  total,
  perDay: total / BASIS_DAYS,
  perMonth: (total / BASIS_DAYS) * MONTH_DAYS,
});

/** What `agent`'s calls of the basis would have cost on `newModel`, against what they cost. */
export function projectSwapCost(
  basis: SwapCostBasis,
  agent: string,
  newModel: string,
  prices: PriceTable,
): SwapCostProjection {
  const next = priceOf(prices, newModel);
  if (next === null) return { kind: "noPrice", model: newModel.trim() };
  const models = basis.agents[agent] ?? [];
  if (models.length === 0) return { kind: "noCalls" };

  let current = 0;
  let projected = 0;
  const assumed: string[] = [];
  for (const usage of models) {
    const { share, assumed: guessed } = outputShare(usage, priceOf(prices, usage.model));
    if (guessed && usage.tokens > 0) assumed.push(usage.model);
    current += usage.cost;
    projected += (usage.tokens * ((1 - share) * next.input + share * next.output)) / 1e6;
  }
  const weekAfter = basis.deskCost - current + projected;
  return {
    kind: "projection",
    models,
    current: spend(current),
    projected: spend(projected),
    change: current > 0 ? (projected - current) / current : null,
    assumed,
    desk: {
      dailyBefore: basis.deskCost / BASIS_DAYS,
      dailyAfter: weekAfter / BASIS_DAYS,
      weekBefore: basis.deskCost,
      weekAfter,
    },
  };
}
