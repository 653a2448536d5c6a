import "server-only";
import { cache } from "react";
import { appConfig } from "@/db";
import type { RequestClock } from "@/lib/read-context";

/**
 * The request's clock: taken on the first call while a request renders and shared by every server component of
 * it (React `cache`), so sections streaming at different moments still read at one instant. A route handler calls
 * it once and passes what it got.
 */
export const requestClock = cache((): RequestClock => ({ now: Date.now(), zone: appConfig().dataTimeZone }));
