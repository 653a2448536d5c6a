import "server-only";
import { cache } from "react";
import { appConfig } from "@/db";
import type { RequestClock } from "@/lib/read-context";

/**
 * The request's clock: taken on the first call while a request renders and shared by every server component of
 * it (React `cache`), so sections streaming at different moments still read at one instant. A route handler calls
 * it once and passes what it got.
 */
export const requestClock = cache(clockNow);

/**
 * The clock now, for work outside a page's render: a command's write (a swap, a rollback) or the background's
 * automatic rollback. Pages and route handlers take `requestClock()`.
 */
export function clockNow(): RequestClock {
  return { now: Date.now(), zone: appConfig().dataTimeZone };
}
