import "server-only";
import fs from "node:fs";
import { cache } from "react";
import { appConfig, databaseFile } from "@/db";
import { ParamError } from "@/lib/api-params";
import { SYSTEM_NAME } from "@/lib/fleet/system-name";
import type { RequestClock } from "@/lib/read-context";

/**
 * The request's clock: taken on the first call while a request renders and shared by every server component of
 * it (React `cache`), so sections streaming at different moments still read at one instant. `system` is the
 * system the URL chose (`readSystem`), null for this desk's own file; left out, the one the page chose
 * (`pageClock`, at the top of every page, before any of its sections renders), so a component deep in a page (a
 * card's freshness line) reads the page's system without being handed it. A route handler calls it once and passes
 * what it got.
 */
export function requestClock(system?: string | null): RequestClock {
  return clockOf(system === undefined ? pageChoice().system : system);
}

const clockOf = cache((system: string | null): RequestClock => ({ ...requestInstant(), system }));

/** The system the page being rendered chose; set once by pageClock. Outside a render, a new cell each call (null). */
export const pageChoice = cache((): { system: string | null } => ({ system: null }));

const requestInstant = cache((): RequestClock => {
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
  return { now: Date.now(), zone: appConfig().dataTimeZone, system: null };
}

/** `?system=` names no system this desk shows: the API answers 404 with the reason, a page its "not found". */
export class SystemNotFound extends Error {
  override readonly name = "SystemNotFound";
}

/** A central desk given no trading file of its own (DATABASE_PATH unset) was asked for one: name a system. */
export class NoOwnFile extends SystemNotFound {}

/** A central desk with no DATABASE_PATH has no trading file of its own: only the demo file, never shown there. */
function centralWithoutOwnFile(): boolean {
  return appConfig().databaseUrl !== undefined && appConfig().isDemo;
}

/**
 * The system the URL's `?system=` values name, or null for this desk's own file (absent or empty). Only a central
 * desk (DATABASE_URL) shows systems, and only those whose replica it keeps (every system that ever shipped to it).
 * A central desk without a trading file of its own needs one named (`ownFile: "optional"`: the desk's own alerts
 * and health, which need none).
 */
export function readSystem(
  values: readonly string[],
  { ownFile = "required" }: { ownFile?: "required" | "optional" } = {},
): string | null {
  if (values.length > 1) throw new ParamError(`system is given ${values.length} times; give it once`);
  const name = values[0];
  if (name === undefined || name === "") {
    if (ownFile === "required" && centralWithoutOwnFile())
      throw new NoOwnFile(
        "this central desk reads no trading file of its own: name one of its systems with system=NAME (/api/fleet lists them)",
      );
    return null;
  }
  if (!appConfig().databaseUrl)
    throw new SystemNotFound("this desk reads one trading file: system= is for a central desk (DATABASE_URL)");
  if (!SYSTEM_NAME.test(name) || !fs.existsSync(databaseFile({ system: name })))
    throw new SystemNotFound(`no system of that name has shipped to this desk`);
  return name;
}

/** A route handler's clock, of the system its `?system=` names (throws for the API's 400 or 404). */
export function apiClock(params: URLSearchParams, options?: { ownFile?: "required" | "optional" }): RequestClock {
  return requestClock(readSystem(params.getAll("system"), options));
}
