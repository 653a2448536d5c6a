import { localDate, MS_PER_DAY, US_PER_DAY, wallClockMs } from "./wall-clock";

export type SeedDay = {
  /** 0 for the first day of the period. */
  index: number;
  date: string;
  /** Local midnight, in wall-clock microseconds. */
  startUs: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
};

export type Period = {
  days: SeedDay[];
  /** No event after this moment: the current time when the period ends today, else the end of its last day. */
  cutoffUs: number;
};

/** The `days` local days up to and including `end`, in `timeZone`. */
export function resolvePeriod(days: number, end: string, now: Date, timeZone: string): Period {
  const endMs = Date.parse(`${end}T00:00:00Z`);
  const list: SeedDay[] = [];
  for (let i = 0; i < days; i++) {
    const startMs = endMs - (days - 1 - i) * MS_PER_DAY;
    const start = new Date(startMs);
    list.push({
      index: i,
      date: start.toISOString().slice(0, 10),
      startUs: startMs * 1000,
      weekday: start.getUTCDay(),
    });
  }
  const endsToday = end === localDate(now, timeZone);
  return { days: list, cutoffUs: endsToday ? wallClockMs(now, timeZone) * 1000 : endMs * 1000 + US_PER_DAY - 1 };
}

/** The day `n` days before the period's last day, if the period reaches back that far. */
export function dayBeforeEnd(period: Period, n: number): SeedDay | undefined {
  return period.days[period.days.length - 1 - n];
}
