// How a model swap is judged: the windows here, the statistics in lib/swap-verdict.ts. Stated plainly (README and
// /evolution say the same):
// - Windows: the swap's validation window is validation_period_days long. It starts at the first whole hour after
//   the swap (the trading system picks up a new model at its next run), or, when the LLM log shows the agent's first
//   call with the new model later than that (the trading system restarted later), at that call's hour; the window
//   says which start it used. It is compared with the equal window that ends at the start of the swap's hour. Calls
//   in the swap's own hour count in neither. A window still running is measured up to the last whole hour. (Whole
//   hours are also what the aggregates hold, so this reads no raw rows.)
// - Observations and verdict: lib/swap-verdict.ts. By trades when both windows have at least MIN_TRADES trades with a
//   known PnL; else by LLM success when both have at least min_requests_for_evaluation calls (the agent config's
//   guide); else inconclusive, saying which window is short of what.

import { wallClockToInstant, zoneOffsetMs } from "./event-time";
import type { RequestClock } from "./read-context";
import { judge, MIN_TRADES, type Basis, type Sample, type Verdict } from "./swap-verdict";

export const SWAP_STATUSES = ["validating", "passed", "breached", "inconclusive", "rolled_back", "superseded"] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type ValidationWindows = {
  before: [number, number];
  after: [number, number];
  end: number;
  ended: boolean;
  progress: number;
  /** What the after window starts at: the first whole hour after the swap, or the hour of the first call with it. */
  startedBy: "schedule" | "first_call";
};

/**
 * The windows a swap at `atMs` is judged on at the clock's `now`, by the rule above; hours are wall-clock hours in its
 * `zone`. `firstCallMs`: the start of the hour the agent first called the new model in, when the log shows one.
 */
export function validationWindows(
  atMs: number,
  days: number,
  { now: nowMs, zone }: RequestClock,
  firstCallMs: number | null = null,
): ValidationWindows {
  const wall = (instant: number) => instant + zoneOffsetMs(instant, zone);
  const hourStart = (instant: number) => wallClockToInstant(Math.floor(wall(instant) / HOUR_MS) * HOUR_MS, zone);
  const swapHour = hourStart(atMs);
  const scheduled = scheduledStart(atMs, zone);
  const startedBy = firstCallMs !== null && firstCallMs > scheduled ? "first_call" : "schedule";
  const start = startedBy === "first_call" ? hourStart(firstCallMs!) : scheduled;
  const end = start + days * DAY_MS;
  const ended = nowMs >= end;
  return {
    before: [swapHour - days * DAY_MS, swapHour],
    after: [start, ended ? end : Math.max(start, hourStart(nowMs))],
    end,
    ended,
    progress: Math.max(0, Math.min(1, (nowMs - start) / (end - start))),
    startedBy,
  };
}

/** The first whole hour after a swap at `atMs` (the swap's own instant when it is a whole hour). */
export function scheduledStart(atMs: number, zone: string): number {
  const wall = (instant: number) => instant + zoneOffsetMs(instant, zone);
  const hourStart = (instant: number) => wallClockToInstant(Math.floor(wall(instant) / HOUR_MS) * HOUR_MS, zone);
  return hourStart(atMs) === atMs ? atMs : hourStart(atMs + HOUR_MS);
}

/**
 * An agent's measures in a window: its trades with a known PnL and their contribution-weighted score (Σ contribution
 * × pnl_7_days / trades), its LLM calls and success rate and their cost; and the same as observations (`samples`)
 * for the verdict.
 */
export type WindowMeasure = {
  trades: number;
  pnlScore: number | null;
  calls: number;
  successRate: number | null;
  costUsd: number;
  samples: { trades: Sample; calls: Sample };
};

export type Judgement = {
  status: SwapStatus;
  realizedImprovement: number | null;
  /** The improvement's 90 % interval (lib/swap-verdict.ts), null when it cannot be estimated. */
  realizedInterval: [number, number] | null;
  basis: Basis | null;
  /** How many observations each window holds of what the verdict was (or would be) made on. */
  observations: { of: Basis; before: number; after: number };
  /** What the verdict rests on: the estimate, or which window is short of what (pages put it in words). */
  verdict: Verdict;
};

/**
 * A swap's status at the clock's now and the verdict on its windows. The verdict is computed while the window runs
 * (its interval holds at every moment, lib/swap-verdict.ts), but the status is `validating` until the window ends:
 * AUTO_ROLLBACK and the contract act on the end.
 */
export function judgeSwap(input: {
  windowEnded: boolean;
  rolledBack: boolean;
  superseded: boolean;
  before: WindowMeasure;
  after: WindowMeasure;
  rollbackThreshold: number;
  minRequests: number;
}): Judgement {
  const { before, after, rollbackThreshold: threshold, minRequests } = input;
  // By trades when both windows have enough, else by calls when both have; short of both, a window is named short of
  // trades for an agent that takes part in trades, of calls for any other.
  const basis: Basis =
    before.trades >= MIN_TRADES && after.trades >= MIN_TRADES
      ? "pnl"
      : before.calls >= minRequests && after.calls >= minRequests
        ? "success_rate"
        : before.trades + after.trades > 0
          ? "pnl"
          : "success_rate";
  const verdict =
    basis === "pnl"
      ? judge(before.samples.trades, after.samples.trades, threshold, MIN_TRADES)
      : judge(before.samples.calls, after.samples.calls, threshold, minRequests);
  const estimate = verdict.estimate;
  const status: SwapStatus = input.rolledBack
    ? "rolled_back"
    : input.superseded
      ? "superseded"
      : !input.windowEnded
        ? "validating"
        : verdict.outcome;
  return {
    status,
    realizedImprovement: estimate?.value ?? null,
    realizedInterval: estimate ? [estimate.low, estimate.high] : null,
    basis: estimate === null ? null : basis,
    observations: {
      of: basis,
      before: basis === "pnl" ? before.trades : before.calls,
      after: basis === "pnl" ? after.trades : after.calls,
    },
    verdict,
  };
}
