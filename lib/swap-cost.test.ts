import { describe, expect, it } from "vitest";
import {
  outputShare,
  priceOf,
  projectSwapCost,
  TYPICAL_OUTPUT_SHARE,
  type PriceTable,
  type SwapCostBasis,
} from "./swap-cost";

// The numbers of llm-prices.yaml that these cases use (USD per 1M tokens).
const PRICES: PriceTable = {
  "opus-4.1": { input: 20, output: 80 },
  "sonnet-4": { input: 4, output: 20 },
  "gpt-5": { input: 10, output: 30 },
  "gpt-5-mini": { input: 1, output: 3 },
  "flash-lite": { input: 0.05, output: 0.2 },
  "sonar-pro": { input: 1, output: 1 },
};

const basis = (agents: SwapCostBasis["agents"], deskCost = 140): SwapCostBasis => ({
  first: "2026-01-01",
  last: "2026-01-07",
  agents,
  deskCost,
  costLimitDaily: 50,
  costLimitWeekly: 300,
});

describe("the output share inferred from what calls cost", () => {
  it("solves cost per 1M tokens = (1 − s) p_in + s p_out", () => {
    // opus-4.1, 1M tokens for $35: (35 − 20) / (80 − 20) = 15 / 60 = 0.25
    expect(outputShare({ tokens: 1_000_000, cost: 35 }, PRICES["opus-4.1"]!)).toEqual({ share: 0.25, assumed: false });
    // gpt-5, 2,000 tokens for $0.04 = $20 per 1M: (20 − 10) / (30 − 10) = 0.5
    expect(outputShare({ tokens: 2_000, cost: 0.04 }, PRICES["gpt-5"]!).share).toBeCloseTo(0.5, 12);
  });

  it("clamps to 0..1 what the prices cannot explain", () => {
    // gpt-5, $5 per 1M: (5 − 10) / 20 = −0.25 → 0; $40 per 1M: (40 − 10) / 20 = 1.5 → 1
    expect(outputShare({ tokens: 1_000_000, cost: 5 }, PRICES["gpt-5"]!).share).toBe(0);
    expect(outputShare({ tokens: 1_000_000, cost: 40 }, PRICES["gpt-5"]!).share).toBe(1);
  });

  it("assumes the typical call's share without a price or when input and output cost the same", () => {
    const typical = { share: TYPICAL_OUTPUT_SHARE, assumed: true };
    expect(outputShare({ tokens: 1_000_000, cost: 3 }, null)).toEqual(typical);
    expect(outputShare({ tokens: 1_000_000, cost: 1 }, PRICES["sonar-pro"]!)).toEqual(typical);
    expect(TYPICAL_OUTPUT_SHARE).toBe(0.25);
  });
});

describe("a model's price", () => {
  it("is found under its alias and its API ids", () => {
    expect(priceOf(PRICES, "opus-4.1")).toEqual({ input: 20, output: 80 });
    expect(priceOf(PRICES, "claude-opus-4-1-20250805")).toEqual({ input: 20, output: 80 });
    expect(priceOf(PRICES, " models/gemini-2.5-flash-lite ")).toEqual({ input: 0.05, output: 0.2 });
    expect(priceOf(PRICES, "llama-3")).toBeNull();
    expect(priceOf(PRICES, "constructor")).toBeNull(); // not the object's prototype
  });
});

describe("what an agent's last 7 days would have cost on another model", () => {
  it("prices each current model's tokens at its inferred share, per 7 days, per day and per month", () => {
    // cio: opus-4.1 1M tokens for $35 (s = 0.25, above), sonar-pro 200,000 tokens for $0.20 (s assumed 0.25).
    // On gpt-5-mini at s = 0.25: 0.75 × 1 + 0.25 × 3 = $1.50 per 1M → 1M: $1.50, 0.2M: $0.30.
    // Current 35 + 0.2 = $35.20; projected 1.5 + 0.3 = $1.80; change (1.8 − 35.2) / 35.2 = −33.4 / 35.2.
    // Per day: 35.2 / 7 = 5.0285714…, 1.8 / 7 = 0.2571428…; per month × 30: 150.857142…, 7.714285….
    // Desk: $140 → 140 − 35.2 + 1.8 = $106.60; per day 140 / 7 = 20 → 106.6 / 7 = 15.228571….
    const projection = projectSwapCost(
      basis({
        cio: [
          { provider: "claude", model: "opus-4.1", tokens: 1_000_000, cost: 35 },
          { provider: "perplexity", model: "sonar-pro", tokens: 200_000, cost: 0.2 },
        ],
      }),
      "cio",
      "gpt-5-mini",
      PRICES,
    );
    if (projection.kind !== "projection") throw new Error(projection.kind);
    expect(projection.current.total).toBeCloseTo(35.2, 12);
    expect(projection.projected.total).toBeCloseTo(1.8, 12);
    expect(projection.change).toBeCloseTo(-33.4 / 35.2, 12);
    expect(projection.current.perDay).toBeCloseTo(35.2 / 7, 12);
    expect(projection.current.perMonth).toBeCloseTo(150.857142857, 8);
    expect(projection.projected.perDay).toBeCloseTo(0.257142857, 8);
    expect(projection.projected.perMonth).toBeCloseTo(7.714285714, 8);
    expect(projection.assumed).toEqual(["sonar-pro"]);
    expect(projection.desk.weekBefore).toBe(140);
    expect(projection.desk.weekAfter).toBeCloseTo(106.6, 12);
    expect(projection.desk.dailyBefore).toBe(20);
    expect(projection.desk.dailyAfter).toBeCloseTo(15.228571429, 8);
  });

  it("finds the new model under its API id and infers no share for a model it has no price for", () => {
    // gpt-5 1M tokens for $40 → s clamped to 1; on opus-4.1: 1M × $80 = $80.
    // mystery-1 (no price) 0.5M for $1.50 → s assumed 0.25: 0.5 × (0.75 × 20 + 0.25 × 80) = 0.5 × 35 = $17.50.
    // Current 40 + 1.5 = $41.50, projected 80 + 17.5 = $97.50, change 56 / 41.5.
    const projection = projectSwapCost(
      basis({
        technical_analyst: [
          { provider: "gpt", model: "gpt-5", tokens: 1_000_000, cost: 40 },
          { provider: "gpt", model: "mystery-1", tokens: 500_000, cost: 1.5 },
        ],
      }),
      "technical_analyst",
      "claude-opus-4-1-20250805",
      PRICES,
    );
    if (projection.kind !== "projection") throw new Error(projection.kind);
    expect(projection.projected.total).toBeCloseTo(97.5, 12);
    expect(projection.change).toBeCloseTo(56 / 41.5, 12);
    expect(projection.assumed).toEqual(["mystery-1"]);
  });

  it("gives no change for calls that cost nothing", () => {
    // flash-lite 10,000 tokens for $0: s = (0 − 0.05) / 0.15 < 0 → 0; on sonnet-4: 10,000 × 4 / 1e6 = $0.04.
    const projection = projectSwapCost(
      basis({ risk_analyst: [{ provider: "gemini", model: "flash-lite", tokens: 10_000, cost: 0 }] }),
      "risk_analyst",
      "sonnet-4",
      PRICES,
    );
    if (projection.kind !== "projection") throw new Error(projection.kind);
    expect(projection.projected.total).toBeCloseTo(0.04, 12);
    expect(projection.change).toBeNull();
  });

  it("says when the new model has no price or the agent made no calls", () => {
    const calls = basis({ cio: [{ provider: "claude", model: "opus-4.1", tokens: 1000, cost: 0.035 }] });
    expect(projectSwapCost(calls, "cio", " llama-3 ", PRICES)).toEqual({ kind: "noPrice", model: "llama-3" });
    expect(projectSwapCost(calls, "allocator", "gpt-5", PRICES)).toEqual({ kind: "noCalls" });
  });
});
