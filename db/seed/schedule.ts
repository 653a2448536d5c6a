import type { Period, SeedDay } from "./period";
import type { Random } from "./random";

export type Run = {
  kind: "trading" | "reflection";
  day: SeedDay;
  startUs: number;
  /** No call of the run is stamped later: the next run's start, half an hour on, or the cutoff. */
  deadlineUs: number;
  /** Trading: candidate tickers analysed, and web searches of the sector researcher. */
  tickers: number;
  sectorQueries: number;
  /** Reflection: calls each reflection agent makes. */
  reflectionCalls: number;
  /** A day of market turmoil: more runs, more candidates, more trades. */
  heavyDay: boolean;
};

const MINUTE_US = 60_000_000;
const HOUR_US = 60 * MINUTE_US;
const FIRST_RUN = 9 * HOUR_US + 2 * MINUTE_US;
const LAST_RUN = 15 * HOUR_US + 5 * MINUTE_US;

/**
 * When the graphs run: trading runs on weekdays during KRX hours (09:00-15:30), more of them and wider on the
 * few heavy days of market turmoil (when LLM spend nears the daily limit); the reflection loop on Saturdays.
 */
export function planRuns(period: Period, random: Random): Run[] {
  const heavyDays = pickHeavyDays(period, random);
  const runs: Omit<Run, "deadlineUs">[] = [];
  for (const day of period.days) {
    if (isWeekday(day)) {
      const heavy = heavyDays.has(day);
      const count = heavy ? 13 : random.int(5, 8);
      const slot = (LAST_RUN - FIRST_RUN) / count;
      for (let i = 0; i < count; i++) {
        runs.push({
          kind: "trading",
          day,
          startUs: day.startUs + Math.floor(FIRST_RUN + i * slot + random.between(0, 0.35 * slot)),
          tickers: heavy ? 6 : random.int(4, 6),
          sectorQueries: random.int(1, 3),
          reflectionCalls: 0,
          heavyDay: heavy,
        });
      }
    } else if (day.weekday === 6) {
      const startUs = day.startUs + 10 * HOUR_US + Math.floor(random.between(0, 40 * MINUTE_US));
      runs.push({
        kind: "reflection",
        day,
        startUs,
        tickers: 0,
        sectorQueries: 0,
        reflectionCalls: random.int(3, 6),
        heavyDay: false,
      });
    }
  }
  const started = runs.filter((run) => run.startUs < period.cutoffUs);
  return started.map((run, i) => ({
    ...run,
    deadlineUs: Math.min(started[i + 1]?.startUs ?? Infinity, run.startUs + 30 * MINUTE_US, period.cutoffUs + 1) - 1,
  }));
}

function isWeekday(day: SeedDay): boolean {
  return day.weekday >= 1 && day.weekday <= 5;
}

/** About one weekday in sixteen, one of them in the last week so the cost alert shows on a fresh demo. */
function pickHeavyDays(period: Period, random: Random): Set<SeedDay> {
  const weekdays = period.days.filter(isWeekday);
  const recent = weekdays.slice(-5);
  const earlier = random.shuffle(weekdays.slice(0, -5));
  const heavy = new Set(earlier.slice(0, Math.round(weekdays.length / 16) - 1));
  if (recent.length > 0) heavy.add(random.pick(recent));
  return heavy;
}
