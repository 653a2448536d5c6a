import type { ModelSwap } from "@/db/schema";
import { calendarDate } from "@/lib/event-time";
import { isWithin } from "@/lib/period";
import type { ReadContext } from "@/lib/read-context";

const DAY_MS = 86_400_000;

/**
 * An agent's swaps made in the period, as its charts mark them: a line on the day of each (`markers`) and its
 * validation window shaded (`bands`, labelled by `validating` in the reader's language), cut at the period's last
 * day; days in the request's zone.
 */
export function swapMarks(
  swaps: (Pick<ModelSwap, "newModel" | "validationPeriodDays"> & { atMs: number | null })[],
  { period, zone }: ReadContext,
  validating: (model: string) => string,
) {
  const inPeriod = swaps.flatMap((s) => (s.atMs !== null && isWithin(period, s.atMs) ? [{ ...s, atMs: s.atMs }] : []));
  const markers = inPeriod.map((s) => ({ date: calendarDate(s.atMs, zone), label: `→ ${s.newModel}` }));
  const bands = inPeriod.map((s) => {
    const end = calendarDate(s.atMs + (s.validationPeriodDays ?? 7) * DAY_MS, zone);
    return {
      from: calendarDate(s.atMs, zone),
      to: end > period.last ? period.last : end,
      label: validating(s.newModel),
    };
  });
  return { markers, bands };
}
