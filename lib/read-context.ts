import type { Period } from "./period";

/**
 * The instant a request reads at, the zone of the file's naive event times and the file it reads: this desk's own
 * (`system` null or absent) or, on a central desk, one system's (the URL's `?system=`). One per request, so every
 * figure on a page (and every key of an API answer) describes the same moment of the same system; made by
 * `requestClock()` on the server.
 */
export type RequestClock = { readonly now: number; readonly zone: string; readonly system?: string | null };

/** What a query of a page reads with: the request's clock and the period its URL chose. */
export type ReadContext = RequestClock & { readonly period: Period };

export function readContext(clock: RequestClock, period: Period): ReadContext {
  return { now: clock.now, zone: clock.zone, system: clock.system, period };
}
