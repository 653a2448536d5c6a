import { describe, expect, it } from "vitest";
import { alwaysValidHalfWidth, estimateImprovement, judge, sampleOf, scoreInterval, type Sample } from "./swap-verdict";

// A seeded generator (mulberry32) so every run sees the same simulated trades.
function generator(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Student's t with 3 degrees of freedom: PnL's heavy tails (a few trades far larger than the rest).
  const heavy = () => normal() / Math.sqrt((normal() ** 2 + normal() ** 2 + normal() ** 2) / 3);
  return { uniform, normal, heavy };
}

const SPREAD_KRW = 300_000; // a trade's 7-day PnL spread, about what the demo's trades show
/**
 * `n` trades of one agent: contribution 0.05–0.5 × a 7-day PnL of mean `pnlMean`; the observation a verdict is made
 * of is their product.
 */
function trades(random: ReturnType<typeof generator>, n: number, pnlMean: number, tails: "normal" | "heavy"): Sample {
  const draw = tails === "normal" ? random.normal : random.heavy;
  return sampleOf(Array.from({ length: n }, () => (0.05 + 0.45 * random.uniform()) * (pnlMean + SPREAD_KRW * draw())));
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const THRESHOLD = -0.1;
/** The share of seeds whose verdict is `outcome`. */
function shareOf(outcome: string, simulate: (random: ReturnType<typeof generator>) => [Sample, Sample]): number {
  const hits = SEEDS.filter((seed) => {
    const [before, after] = simulate(generator(seed));
    return judge(before, after, THRESHOLD, 5).outcome === outcome;
  });
  return hits.length / SEEDS.length;
}

describe("verdicts on simulated swaps (200 seeds each, 30–40 trades a window, threshold −10 %)", () => {
  it("pure noise, the same trades before and after, is inconclusive in at least 90 % of seeds", () => {
    for (const tails of ["normal", "heavy"] as const) {
      const share = shareOf("inconclusive", (r) => [trades(r, 30, 20_000, tails), trades(r, 30, 20_000, tails)]);
      expect(share, tails).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("a clear win (the PnL's mean up by 1.5 spreads) passes in at least 90 % of seeds", () => {
    const shift = 1.5 * SPREAD_KRW;
    expect(shareOf("passed", (r) => [trades(r, 40, 0, "normal"), trades(r, 40, shift, "normal")])).toBeGreaterThan(0.9);
  });

  it("a clear loss (down by 1.5 spreads) breaches in at least 90 % of seeds", () => {
    const shift = -1.5 * SPREAD_KRW;
    expect(shareOf("breached", (r) => [trades(r, 40, 0, "normal"), trades(r, 40, shift, "normal")])).toBeGreaterThan(
      0.9,
    );
  });

  it("looked at after every 5 trades of the window, noise raises a false alarm in at most 10 % of seeds", () => {
    // The interval holds at every look at once: a swap that changed nothing is not called worse (its interval wholly
    // below 0) at any of the twelve looks in more than α = 10 % of seeds.
    const alarms = SEEDS.filter((seed) => {
      const random = generator(seed);
      const before = trades(random, 40, 20_000, "normal");
      const after: number[] = [];
      for (let look = 1; look <= 12; look++) {
        for (let i = 0; i < 5; i++)
          after.push((0.05 + 0.45 * random.uniform()) * (20_000 + SPREAD_KRW * random.normal()));
        const estimate = estimateImprovement(before, sampleOf(after));
        if (estimate && (estimate.high < 0 || estimate.low > 0)) return true;
      }
      return false;
    });
    expect(alarms.length / SEEDS.length).toBeLessThanOrEqual(0.1);
  });
});

describe("the improvement and its interval", () => {
  it("is the change of the mean over the spread before when the mean is small against it", () => {
    const before = sampleOf([-2, 2, -2, 2]); // mean 0, sample standard deviation √(16/3)
    const after = sampleOf([-1, 3, -1, 3]); // mean 1
    const estimate = estimateImprovement(before, after)!;
    expect(estimate.scale).toBe("spread");
    expect(estimate.value).toBeCloseTo(1 / Math.sqrt(16 / 3), 12);
    // The standard error of the difference (Welch), in the same units: √(16/3 / 4 + 16/3 / 4) / √(16/3) = √(1/2)
    expect(estimate.high - estimate.value).toBeCloseTo(alwaysValidHalfWidth(Math.sqrt(1 / 2)), 12);
  });

  it("is the relative change when the mean is large against its spread (a success rate)", () => {
    const before = { n: 1000, sum: 970, sumSquares: 970 };
    const after = { n: 1000, sum: 873, sumSquares: 873 };
    const estimate = estimateImprovement(before, after)!;
    expect(estimate.scale).toBe("mean");
    expect(estimate.value).toBeCloseTo((0.873 - 0.97) / 0.97, 12);
  });

  it("has the normal mixture's half-width: √((V + ρ)(ln((V + ρ)/ρ) + 2 ln 10)) / V, V = 1/se², ρ = 4", () => {
    // se 0.25: V = 16, √(20 × (ln 5 + 2 ln 10)) / 16 = √(20 × 6.2146) / 16 = 0.6968
    expect(alwaysValidHalfWidth(0.25)).toBeCloseTo(Math.sqrt(20 * (Math.log(5) + 2 * Math.log(10))) / 16, 12);
    expect(alwaysValidHalfWidth(0.25)).toBeCloseTo(0.6968, 4);
    // Wider than the fixed-sample 90 % interval (1.645 se), and narrowing as the windows grow.
    expect(alwaysValidHalfWidth(0.25)).toBeGreaterThan(1.645 * 0.25);
    expect(alwaysValidHalfWidth(0.1)).toBeLessThan(alwaysValidHalfWidth(0.25));
  });

  it("gives a score's mean with its interval, and nothing for fewer than two observations", () => {
    const interval = scoreInterval(sampleOf([10, 20, 30]))!;
    expect(interval.mean).toBe(20);
    // Spread 10 (variance 100), n 3: the half-width is 10 spreads' worth of the standardized interval at 1/√3.
    expect(interval.high - 20).toBeCloseTo(10 * alwaysValidHalfWidth(1 / Math.sqrt(3)), 12);
    // In the score's own units: the same sample in won and in thousands of won has the same interval, scaled.
    const inThousands = scoreInterval(sampleOf([10_000, 20_000, 30_000]))!;
    expect(inThousands.high - inThousands.mean).toBeCloseTo(1000 * (interval.high - 20), 6);
    expect(scoreInterval(sampleOf([10]))).toBeNull();
  });
});

describe("an inconclusive verdict", () => {
  it("says how many more trades the after window needs, and that many take the interval off the threshold", () => {
    const before = sampleOf(Array.from({ length: 30 }, (_, i) => (i % 2 ? 1 : -1) * 1000));
    const afterValues = Array.from({ length: 10 }, (_, i) => 800 + (i % 2 ? 1 : -1) * 1000);
    const verdict = judge(before, sampleOf(afterValues), THRESHOLD, 5);
    expect(verdict).toMatchObject({ outcome: "inconclusive", straddles: true });
    const more = "moreAfter" in verdict ? verdict.moreAfter! : 0;
    expect(more).toBeGreaterThan(0);
    const grown = (extra: number) =>
      sampleOf([...afterValues, ...Array.from({ length: extra }, (_, i) => afterValues[i % 10]!)]);
    // Same mean and spread, `more` more trades: no longer straddling; one fewer (rounded to whole copies) still does.
    expect(judge(before, grown(Math.ceil(more / 10) * 10), THRESHOLD, 5).outcome).toBe("passed");
  });

  it("names each window short of observations and how many more it needs", () => {
    expect(judge(sampleOf([1, 2]), sampleOf([1, 2, 3]), THRESHOLD, 5)).toEqual({
      outcome: "inconclusive",
      estimate: null,
      tooSmall: [
        { window: "before", has: 2, needs: 3 },
        { window: "after", has: 3, needs: 2 },
      ],
    });
  });
});
