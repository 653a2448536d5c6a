// How a model swap is judged. Stated plainly (README and /evolution say the same):
// - Windows: the swap's validation window is validation_period_days long and starts at the first whole hour after
//   the swap (the trading system picks up a new model at its next run); it is compared with the equal window that
//   ends at the start of the swap's hour. Calls in the swap's own hour count in neither. A window still running is
//   measured up to the last whole hour. (Whole hours are also what the aggregates hold, so this reads no raw rows.)
// - Score: for an agent that takes part in trades, the contribution-weighted 7-day PnL per trade it took part
//   in (Σ contribution × pnl / trades, only trades whose PnL is known); for any other agent, its LLM success rate.
// - Realized improvement: (after − before) / |before|, clamped to −1..1, the same fraction as the swap's expected
//   performance_improvement and rollback_threshold.
// - Enough data: at least MIN_TRADES trades with known PnL in each window for the PnL score; else at least
//   min_requests_for_evaluation LLM calls (the agent config's guide) in each window for the success rate.

import { wallClockToInstant, zoneOffsetMs } from "./event-time";
import type { RequestClock } from "./read-context";

export const SWAP_STATUSES = ["validating", "passed", "breached", "inconclusive", "rolled_back", "superseded"] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

export const MIN_TRADES = 5;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type ValidationWindows = {
  before: [number, number];
  after: [number, number];
  end: number;
  ended: boolean;
  progress: number;
};

/**
 * The windows a swap at `atMs` is judged on at the clock's `now`, by the rule above; hours are wall-clock hours in its
 * `zone`.
 */
export function validationWindows(atMs: number, days: number, { now: nowMs, zone }: RequestClock): ValidationWindows {
  const wall = (instant: number) => instant + zoneOffsetMs(instant, zone);
  const hourStart = (instant: number) => wallClockToInstant(Math.floor(wall(instant) / HOUR_MS) * HOUR_MS, zone);
  const swapHour = hourStart(atMs);
  const start = swapHour === atMs ? atMs : hourStart(atMs + HOUR_MS);
  const end = start + days * DAY_MS;
  const ended = nowMs >= end;
  return {
    before: [swapHour - days * DAY_MS, swapHour],
    after: [start, ended ? end : Math.max(start, hourStart(nowMs))],
    end,
    ended,
    progress: Math.max(0, Math.min(1, (nowMs - start) / (end - start))),
  };
}

export type WindowMeasure = {
  trades: number;
  pnlScore: number | null;
  calls: number;
  successRate: number | null;
  costUsd: number;
};

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
  if (
    before.trades >= MIN_TRADES &&
    after.trades >= MIN_TRADES &&
    before.pnlScore !== null &&
    after.pnlScore !== null
  ) {
    realizedImprovement = relativeChange(before.pnlScore, after.pnlScore);
    basis = "pnl";
  } else if (
    before.calls >= input.minRequests &&
    after.calls >= input.minRequests &&
    before.successRate !== null &&
    after.successRate !== null
  ) {
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
