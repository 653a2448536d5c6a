"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { database } from "@/db";
import { passwordMatches, SESSION_COOKIE, SESSION_HOURS, signSession } from "@/lib/session";
import { sessionSecret } from "@/lib/session-secret";
import { SignInThrottle } from "@/lib/sign-in-throttle";

const throttle = new SignInThrottle();

export type SignInState = { error: string | null };

/** Checks the operator password (failures slow the client down), then sets the signed session cookie. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const { config } = database();
  if (!config.dashboardPassword) redirect("/");
  const h = await headers();
  const client = h.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  const { delayMs, lockedForMs } = throttle.check(client);
  if (lockedForMs > 0) return { error: `Too many failed sign-ins: try again in ${Math.ceil(lockedForMs / 60_000)} min` };
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const secret = sessionSecret(config);
  const password = form.get("password");
  if (typeof password !== "string" || !passwordMatches(password, config.dashboardPassword, secret)) {
    throttle.failed(client);
    return { error: "Wrong password" };
  }
  throttle.succeeded(client);
  const { token } = signSession(secret);
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: h.get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: SESSION_HOURS * 3600,
  });
  redirect(safeNext(form.get("next")));
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/login");
}

/** Only a path on this site: never `//host` or a full URL, so the sign-in page cannot send anyone elsewhere. */
function safeNext(next: FormDataEntryValue | null): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
