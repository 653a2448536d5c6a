"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { appConfig } from "@/db";
import { requestOrigin } from "@/lib/server/forwarded-headers";
import { openSession } from "@/lib/server/operator";
import { safeNextPath } from "@/lib/safe-next";
import { passwordMatches, SESSION_COOKIE, SESSION_HOURS } from "@/lib/server/session";
import { sessionSecret } from "@/lib/server/session-secret";
import { sessionStore } from "@/lib/server/session-store";
import { signInThrottle } from "@/lib/server/sign-in-throttle";
import { addressGroup } from "@/lib/server/client-address";

const DEVICE_COOKIE = "agent_desk_device";

export type SignInState = { error: string | null };

/** Checks the operator password (attempts slow each client down, and all of them together), then opens a session. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const config = appConfig();
  if (!config.dashboardPassword) redirect("/");
  const h = await headers();
  const { client, secure } = requestOrigin(h);
  const store = sessionStore(config);
  const jar = await cookies();
  const device = store.knownDevice(jar.get(DEVICE_COOKIE)?.value);
  const key = device ? `device ${device}` : addressGroup(client);
  const throttle = signInThrottle();
  const verdict = throttle.begin(key, Date.now(), device !== null);
  // Its errors are shown as they are: in the reader's language.
  const t = await getTranslations("login");
  if (!verdict.go) {
    const minutes = Math.ceil(verdict.lockedForMs / 60_000);
    return { error: verdict.everyone ? t("error.paused", { minutes }) : t("error.throttled", { minutes }) };
  }
  await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
  const password = form.get("password");
  if (typeof password !== "string" || !passwordMatches(password, config.dashboardPassword, sessionSecret(config)))
    return { error: t("error.wrongPassword") };
  throttle.succeeded(key, verdict.attempt);
  let token: string;
  try {
    token = store.open({ client, userAgent: h.get("user-agent") ?? "" }).token;
  } catch (error) {
    console.error(`Agent Desk: could not record a session: ${(error as Error).message}`);
    return { error: t("error.notRecorded") };
  }
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
  if (!device)
    jar.set(DEVICE_COOKIE, store.deviceToken(), {
      httpOnly: true,
      sameSite: "strict",
      secure,
      path: "/login",
      maxAge: 365 * 86_400,
    });
  redirect(safeNextPath(form.get("next")));
}

/** Ends this session on the server, not only in this browser: the cookie is worth nothing afterwards. */
export async function signOut(): Promise<void> {
  const session = await openSession();
  if (session) sessionStore(appConfig()).end(session.id);
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/login");
}
