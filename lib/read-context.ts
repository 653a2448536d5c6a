import type { Period } from "./period";

/**
 * The instant a request reads at and the zone of the file's naive event times. One per request, so every figure
 * on a page (and every key of an API answer) describes the same moment; made by `requestClock()` on the server.
 */
export type RequestClock = { readonly now: number; readonly zone: string };

/** What a query of a page reads with: the request's clock and the period its URL chose. */
export type ReadContext = RequestClock & { readonly period: Period };

export function readContext(clock: RequestClock, period: Period): ReadContext {
  return { now: clock.now, zone: clock.zone, period };
}
