import "server-only";
import { cache } from "react";
import { appConfig } from "@/db";
import type { RequestClock } from "@/lib/read-context";

/**
 * The request's clock: taken on the first call while a request renders and shared by every server component of
 * it (React `cache`), so sections streaming at different moments still read at one instant. A route handler calls
 * it once and passes what it got.
 */
export const requestClock = cache((): RequestClock => {
  requestStartedAt();
  return clockNow();
});

// When the request's clock was first taken, on the process's monotonic clock (ms).
const requestStartedAt = cache(() => performance.now());

/**
 * How long ago (ms, at least 1) the request's clock was taken: a card says how long after the request began its
 * figures were ready ("read in 12 ms"), so an operator sees which part of a page is slow to read. A measurement,
 * taken once where a server component renders (never in the browser, so it cannot disagree while hydrating).
 */
export function msSinceRequestStart(): number {
  return Math.max(1, Math.round(performance.now() - requestStartedAt()));
}

/**
 * The clock now, for work outside a page's render: a command's write (a swap, a rollback) or the background's
 * automatic rollback. Pages and route handlers take `requestClock()`.
 */
export function clockNow(): RequestClock {
  return { now: Date.now(), zone: appConfig().dataTimeZone };
}
