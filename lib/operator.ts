import "server-only";
import { cookies, headers } from "next/headers";
import { database } from "@/db";
import { SESSION_COOKIE, verifySession } from "./session";
import { sessionSecret } from "./session-secret";

export type Operator = { ok: true; name: string } | { ok: false; error: string };

/**
 * Every server action asks this itself, whatever the page showed: the request must come from Agent Desk's own
 * pages (its Origin is this host: a foreign or `null` Origin is refused), and with a password set it must carry a
 * valid, unexpired operator session. Returns who is acting, for the audit trail.
 */
export async function currentOperator(): Promise<Operator> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {}
  if (!originHost || originHost !== host) return { ok: false, error: "Refused: the request did not come from Agent Desk's own pages" };
  const { config } = database();
  if (!config.dashboardPassword) return { ok: true, name: "local operator" };
  const session = verifySession((await cookies()).get(SESSION_COOKIE)?.value, sessionSecret(config));
  if (!session) return { ok: false, error: "Sign in again: your operator session has ended" };
  return { ok: true, name: `operator (session ${session.id.slice(0, 6)})` };
}
