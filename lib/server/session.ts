import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The operator's session cookie: `v1.<expires, unix s>.<id>.<HMAC-SHA256 of the rest>`, signed with the session
// secret. The signature only keeps forged ids away from the session list (lib/server/session-store.ts), which says
// whether
// the session is still open: a signed cookie of an ended session is worth nothing.

export const SESSION_COOKIE = "agent_desk_session";
export const SESSION_HOURS = 12;

export type Session = { id: string; expiresAt: number };

export function signSession(secret: string, now = Date.now()): { token: string; session: Session } {
  const session = {
    id: randomBytes(16).toString("base64url"),
    expiresAt: Math.floor(now / 1000) + SESSION_HOURS * 3600,
  };
  const body = `v1.${session.expiresAt}.${session.id}`;
  return { token: `${body}.${mac(secret, body)}`, session };
}

/** The session a cookie value stands for, or null when it is missing, tampered with, or expired. */
export function verifySession(token: string | undefined, secret: string, now = Date.now()): Session | null {
  const parts = token?.split(".");
  if (!parts || parts.length !== 4 || parts[0] !== "v1") return null;
  const [, expires, id, signature] = parts as [string, string, string, string];
  if (!sameText(signature, mac(secret, `v1.${expires}.${id}`))) return null;
  const expiresAt = Number(expires);
  if (!Number.isSafeInteger(expiresAt) || expiresAt * 1000 <= now) return null;
  return { id, expiresAt };
}

/** Compares a typed password with the configured one in constant time (both are hashed to equal lengths first). */
export function passwordMatches(given: string, expected: string, secret: string): boolean {
  return sameText(mac(secret, `password:${given}`), mac(secret, `password:${expected}`));
}

function mac(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
