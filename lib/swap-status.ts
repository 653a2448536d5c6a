// How a model swap is judged. Stated plainly (README and /evolution say the same):
// - Windows: the swap's validation window is [swap, swap + validation_period_days); it is compared with the
//   equal window just before the swap.
// - Score: for an agent that takes part in trades, the contribution-weighted 7-day PnL per trade it took part
//   in (Σ contribution × pnl / trades, only trades whose PnL is known); for any other agent, its LLM success rate.
// - Realized improvement: (after − before) / |before|, clamped to −1..1, the same fraction as the swap's expected
//   performance_improvement and rollback_threshold.
// - Enough data: at least MIN_TRADES trades with known PnL in each window for the PnL score; else at least
//   min_requests_for_evaluation LLM calls (the agent config's guide) in each window for the success rate.

export const SWAP_STATUSES = ["validating", "passed", "breached", "inconclusive", "rolled_back", "superseded"] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

export const MIN_TRADES = 5;

export type WindowMeasure = { trades: number; pnlScore: number | null; calls: number; successRate: number | null; costUsd: number };

export type Judgement = {
  status: SwapStatus;
  realizedImprovement: number | null;
  basis: "pnl" | "success_rate" | null;
};

/** The relative change of a score, comparable with performance_improvement: −1 (lost it all) to 1. */
export function relativeChange(before: number, after: number): number {
  if (before === after) return 0;
  if (before === 0) return after > 0 ? 1 : -1;
  return Math.max(-1, Math.min(1, (after - before) / Math.abs(before)));
}

export function judgeSwap(input: {
  windowEnded: boolean;
  rolledBack: boolean;
  superseded: boolean;
  before: WindowMeasure;
  after: WindowMeasure;
  rollbackThreshold: number;
  minRequests: number;
}): Judgement {
  const { before, after } = input;
  let realizedImprovement: number | null = null;
  let basis: Judgement["basis"] = null;
  if (before.trades >= MIN_TRADES && after.trades >= MIN_TRADES && before.pnlScore !== null && after.pnlScore !== null) {
    realizedImprovement = relativeChange(before.pnlScore, after.pnlScore);
    basis = "pnl";
  } else if (before.calls >= input.minRequests && after.calls >= input.minRequests && before.successRate !== null && after.successRate !== null) {
    realizedImprovement = relativeChange(before.successRate, after.successRate);
    basis = "success_rate";
  }
  const status: SwapStatus = input.rolledBack
    ? "rolled_back"
    : input.superseded
      ? "superseded"
      : !input.windowEnded
        ? "validating"
        : realizedImprovement === null
          ? "inconclusive"
          : realizedImprovement < input.rollbackThreshold
            ? "breached"
            : "passed";
  return { status, realizedImprovement, basis };
}
