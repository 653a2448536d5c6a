"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { appConfig } from "@/db";
import { requestOrigin } from "@/lib/forwarded-headers";
import { openSession } from "@/lib/operator";
import { safeNextPath } from "@/lib/safe-next";
import { passwordMatches, SESSION_COOKIE, SESSION_HOURS } from "@/lib/session";
import { sessionSecret } from "@/lib/session-secret";
import { sessionStore } from "@/lib/session-store";
import { SignInThrottle } from "@/lib/sign-in-throttle";

const throttle = new SignInThrottle();

export type SignInState = { error: string | null };

/** Checks the operator password (attempts slow each client down, and all of them together), then opens a session. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const config = appConfig();
  if (!config.dashboardPassword) redirect("/");
  const h = await headers();
  const { client, secure } = requestOrigin(h);
  const verdict = throttle.begin(client);
  if (!verdict.go) {
    const minutes = Math.ceil(verdict.lockedForMs / 60_000);
    return { error: verdict.everyone ? `Sign-in is paused after many failed attempts from many addresses: try again in ${minutes} min` : `Too many failed sign-ins: try again in ${minutes} min` };
  }
  await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  const password = form.get("password");
  if (typeof password !== "string" || !passwordMatches(password, config.dashboardPassword, sessionSecret(config))) return { error: "Wrong password" };
  throttle.succeeded(client, verdict.attempt);
  const { token } = sessionStore(config).open({ client, userAgent: h.get("user-agent") ?? "" });
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "strict", secure, path: "/", maxAge: SESSION_HOURS * 3600 });
  redirect(safeNextPath(form.get("next")));
}

/** Ends this session on the server, not only in this browser: the cookie is worth nothing afterwards. */
export async function signOut(): Promise<void> {
  const session = await openSession();
  if (session) sessionStore(appConfig()).end(session.id);
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/login");
}
