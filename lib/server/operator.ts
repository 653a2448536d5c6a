import "server-only";
import { cookies, headers } from "next/headers";
import { appConfig } from "@/db";
import type { Said } from "@/lib/say";
import { isAcceptedHost } from "./network-settings";
import { SESSION_COOKIE } from "./session";
import { sessionStore, type StoredSession } from "./session-store";

/** Who is acting, or why no one may: a refusal said by key (`says.operator.*`), in the reader's words by the action. */
export type Operator = { ok: true; name: string; session: StoredSession | null } | { ok: false; error: Said };

/**
 * Every server action asks this itself, whatever the page showed: the request must come from Agent Desk's own
 * pages (its Origin is this host: a foreign or `null` Origin is refused); in local mode it must be addressed to this
 * machine by name (see proxy.ts), and with a password set it must carry an open operator session. Returns who is
 * acting, for the audit trail.
 */
export async function currentOperator(): Promise<Operator> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {}
  if (!originHost || originHost !== host) return { ok: false, error: { key: "operator.foreignOrigin" } };
  const config = appConfig();
  if (!config.dashboardPassword) {
    if (!isAcceptedHost(h.get("host"), { allowedHosts: config.allowedHosts, host: config.host, hasPassword: false }))
      return { ok: false, error: { key: "operator.foreignHost" } };
    return { ok: true, name: "local operator", session: null };
  }
  const session = await openSession();
  if (!session) return { ok: false, error: { key: "operator.signInAgain" } };
  return { ok: true, name: `operator (session ${session.id.slice(0, 6)})`, session };
}

/**
 * Whether whoever reads this page is an operator: always in local mode, else with an open session. An anonymous
 * reader of a PUBLIC_DASHBOARD sees the figures, never where the file lives or whole exports.
 */
export async function readerIsOperator(): Promise<boolean> {
  return !appConfig().dashboardPassword || (await openSession()) !== null;
}

/** The open operator session of this request's cookie, or null. */
export async function openSession(): Promise<StoredSession | null> {
  const config = appConfig();
  if (!config.dashboardPassword) return null;
  return sessionStore(config).verify((await cookies()).get(SESSION_COOKIE)?.value);
}
