import { dateParam, intParam, ParamError } from "./api-params";
import { calendarDays, DEFAULT_DAYS, lastDays, MAX_DAYS, type Period } from "./period";
import type { RequestClock } from "./read-context";
import { firstValue, type SearchValue } from "./search-value";

/**
 * The period of a request: `?days=N` (1 to 3650; `fallbackDays` when nothing is given) or `?from=…&to=…`, calendar
 * dates in `zone`, both included, at most 3650 days. Throws ParamError saying what is wrong.
 */
export function periodParam(params: URLSearchParams, fallbackDays: number, clock: RequestClock): Period {
  const from = dateParam(params, "from");
  const to = dateParam(params, "to");
  if (from === undefined && to === undefined)
    return lastDays(intParam(params, "days", fallbackDays, 1, MAX_DAYS), clock);
  if (params.has("days")) throw new ParamError("give either days or from and to, not both");
  if (from === undefined) throw new ParamError("to is given without from; give both, as YYYY-MM-DD");
  if (to === undefined) throw new ParamError("from is given without to; give both, as YYYY-MM-DD");
  if (from > to) throw new ParamError(`from (${from}) is after to (${to})`);
  const period = calendarDays(from, to, clock.zone);
  if (period.days > MAX_DAYS) throw new ParamError(`from ${from} to ${to} is ${period.days} days; at most ${MAX_DAYS}`);
  return period;
}

export type PeriodSearch = { days?: SearchValue; from?: SearchValue; to?: SearchValue };

/**
 * A page's period from its search params. A page never fails on its URL: a period it cannot read falls back to
 * `fallbackDays`, with what was wrong in `problem` for the page to say. Of a repeated parameter the first counts,
 * as pages always read `days`.
 */
export function readPeriod(
  search: PeriodSearch,
  clock: RequestClock,
  fallbackDays = DEFAULT_DAYS,
): { period: Period; problem?: string } {
  const params = new URLSearchParams();
  for (const name of ["days", "from", "to"] as const) {
    const value = firstValue(search[name]);
    if (value !== undefined) params.set(name, value);
  }
  try {
    return { period: periodParam(params, fallbackDays, clock) };
  } catch (error) {
    if (!(error instanceof ParamError)) throw error;
    return { period: lastDays(fallbackDays, clock), problem: error.message };
  }
}
