// How a model swap is judged, with confidence. Stated plainly (the README says the same to an operator):
// - Observations: for an agent that takes part in trades, one per trade of the window whose 7-day PnL is known,
//   x = contribution × pnl_7_days (KRW × contribution, what efficiency_score averages); for any other agent, one per
//   LLM call, x = 1 when it succeeded, else 0.
// - Improvement: (mean after − mean before) / scale, scale = max(|mean before|, spread before), the spread being the
//   standard deviation of the before window's observations. Where the before mean is large against its noise (a
//   success rate of 0.97) this is the relative change (−0.1 = 10 % worse), as performance_improvement and
//   rollback_threshold are written; where it is near zero (per-trade PnL, whose noise dwarfs its mean) it is the
//   change in units of the score's spread, which cannot explode as a ratio to a mean near zero would.
// - Interval: 90 %, from Robbins' normal-mixture confidence sequence on the difference of the means (Welch's
//   standard error): it holds at every moment of the validation window at once, so a verdict read each day while
//   it runs raises no more false alarms than one read at its end. It is wider than a fixed-sample interval (about
//   1.7× at 30 trades a side); the status is still given only at the window's end, the contract's `validating`
//   until then.
// - Verdict: `passed` when the whole interval lies above the rollback threshold, `breached` when it lies below,
//   `inconclusive` when it straddles it or a window is too small (fewer than MIN_TRADES trades, or fewer calls than
//   the agent config's min_requests_for_evaluation): then it says which, and how many more it needs.

/** A window with fewer trades than this is too small to judge by trades: its spread is not known. */
export const MIN_TRADES = 5;
export const INTERVAL_LEVEL = 0.9;
const ALPHA = 1 - INTERVAL_LEVEL;
/**
 * The mixture's prior scale on the improvement (in its own units): the confidence sequence is tightest for effects
 * of about this size, the kind a model swap makes (a tenth to a half of the score's spread).
 */
const PRIOR_SCALE = 0.5;

/** A window's observations, as sums: enough for means, spreads and intervals without holding the rows. */
export type Sample = { n: number; sum: number; sumSquares: number };

export const EMPTY_SAMPLE: Sample = { n: 0, sum: 0, sumSquares: 0 };

export function sampleOf(values: readonly number[]): Sample {
  return values.reduce((s, x) => ({ n: s.n + 1, sum: s.sum + x, sumSquares: s.sumSquares + x * x }), EMPTY_SAMPLE);
}

const mean = (s: Sample) => s.sum / s.n;
/** The sample variance (n − 1), never negative (sums of squares can round below the square of the sum). */
const variance = (s: Sample) => (s.n < 2 ? 0 : Math.max(0, (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1)));

/**
 * The half-width of the always-valid interval for an estimate with standard error `se`, on the scale where the
 * prior is PRIOR_SCALE: Robbins' normal mixture, |S| ≤ √((V + ρ)(ln((V + ρ)/ρ) + 2 ln(1/α))) with V = 1/se² and
 * ρ = 1/PRIOR_SCALE², divided by V.
 */
export function alwaysValidHalfWidth(se: number): number {
  if (se === 0) return 0;
  const information = 1 / (se * se);
  const rho = 1 / (PRIOR_SCALE * PRIOR_SCALE);
  const boundary = Math.sqrt((information + rho) * (Math.log((information + rho) / rho) + 2 * Math.log(1 / ALPHA)));
  return boundary / information;
}

/** The standard deviation of a sample's observations (0 below two). */
export function spreadOf(sample: Sample): number {
  return Math.sqrt(variance(sample));
}

/**
 * A score's mean over a sample with its 90 % interval (always-valid, as the verdicts'), in the score's own units;
 * null below two observations.
 */
export function scoreInterval(sample: Sample): { mean: number; low: number; high: number } | null {
  if (sample.n < 2) return null;
  const m = mean(sample);
  // The mixture's prior is in units of the score's spread (as an improvement's is): measured in them, then back.
  const half = spreadOf(sample) * alwaysValidHalfWidth(1 / Math.sqrt(sample.n));
  return { mean: m, low: m - half, high: m + half };
}

export type Basis = "pnl" | "success_rate";

export type Estimate = {
  /** The improvement: the point estimate, as realized_improvement. */
  value: number;
  /** Its 90 % interval. */
  low: number;
  high: number;
  /** What the improvement is divided by: the before window's mean (relative change) or its spread. */
  scale: "mean" | "spread";
};

/**
 * The improvement from `before` to `after` with its interval, or null when a window has fewer than two observations
 * (no spread) or the before window has neither a mean nor a spread to measure against (every observation zero).
 */
export function estimateImprovement(before: Sample, after: Sample): Estimate | null {
  if (before.n < 2 || after.n < 2) return null;
  const spread = spreadOf(before);
  const level = Math.abs(mean(before));
  const scale = Math.max(level, spread);
  if (scale === 0) return null;
  const value = (mean(after) - mean(before)) / scale;
  const se = Math.sqrt(variance(before) / before.n + variance(after) / after.n) / scale;
  const half = alwaysValidHalfWidth(se);
  return { value, low: value - half, high: value + half, scale: level >= spread ? "mean" : "spread" };
}

export type Shortfall = { window: "before" | "after"; has: number; needs: number };

export type Verdict =
  | { outcome: "passed" | "breached"; estimate: Estimate }
  | { outcome: "inconclusive"; estimate: Estimate; straddles: true; moreAfter: number | null }
  | { outcome: "inconclusive"; estimate: null; tooSmall: Shortfall[] };

/** At most this many more observations are worth naming: past it the estimate sits too near the threshold to tell. */
const MAX_MORE = 10_000;

/**
 * The verdict on a swap's two windows against its rollback threshold, each window needing `minimum` observations.
 * An interval that straddles the threshold says how many more observations the after window needs for it not to,
 * if the estimate and the spreads stay as they are (null when it would take more than MAX_MORE).
 */
export function judge(before: Sample, after: Sample, threshold: number, minimum: number): Verdict {
  const tooSmall: Shortfall[] = (
    [
      ["before", before],
      ["after", after],
    ] as const
  )
    .filter(([, s]) => s.n < minimum)
    .map(([window, s]) => ({ window, has: s.n, needs: minimum - s.n }));
  const estimate = tooSmall.length === 0 ? estimateImprovement(before, after) : null;
  // No shortfall yet no estimate: every observation before was zero, so there is nothing to measure a change against.
  if (estimate === null) return { outcome: "inconclusive", estimate: null, tooSmall };
  if (estimate.low > threshold) return { outcome: "passed", estimate };
  if (estimate.high < threshold) return { outcome: "breached", estimate };
  return { outcome: "inconclusive", estimate, straddles: true, moreAfter: moreNeeded(before, after, threshold) };
}

/** The fewest more after-window observations (same mean and spread) that would take the interval off the threshold. */
function moreNeeded(before: Sample, after: Sample, threshold: number): number | null {
  const distance = Math.abs(estimateImprovement(before, after)!.value - threshold);
  const scale = Math.max(Math.abs(mean(before)), spreadOf(before));
  const halfWith = (more: number) =>
    alwaysValidHalfWidth(Math.sqrt(variance(before) / before.n + variance(after) / (after.n + more)) / scale);
  if (halfWith(MAX_MORE) >= distance) return null;
  let low = 0;
  let high = MAX_MORE;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (halfWith(middle) < distance) high = middle;
    else low = middle;
  }
  return high;
}
