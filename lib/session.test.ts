import { describe, expect, it } from "vitest";
import { passwordMatches, signSession, verifySession } from "./session";
import { SignInThrottle } from "./sign-in-throttle";

const SECRET = "s".repeat(40);

describe("operator sessions", () => {
  it("verify their own signature until they expire", () => {
    const now = Date.parse("2026-11-27T00:00:00Z");
    const { token, session } = signSession(SECRET, now);
    expect(verifySession(token, SECRET, now + 1000)).toEqual(session);
    expect(verifySession(token, SECRET, now + 12 * 3_600_000)).toBeNull();
  });

  it("refuse a tampered, foreign or malformed cookie", () => {
    const { token } = signSession(SECRET);
    const [v, expires, id, sig] = token.split(".");
    expect(verifySession(`${v}.${Number(expires) + 3600}.${id}.${sig}`, SECRET)).toBeNull();
    expect(verifySession(token, "t".repeat(40))).toBeNull();
    for (const bad of [undefined, "", "v1", "v1.1.2", `${token}.x`, token.replace("v1", "v2")]) expect(verifySession(bad, SECRET)).toBeNull();
  });

  it("compare passwords exactly", () => {
    expect(passwordMatches("correct horse", "correct horse", SECRET)).toBe(true);
    expect(passwordMatches("correct hors", "correct horse", SECRET)).toBe(false);
    expect(passwordMatches("", "correct horse", SECRET)).toBe(false);
  });
});

describe("failed sign-ins", () => {
  it("slow a client down more with every failure, lock it out after ten, and forget after fifteen minutes", () => {
    const throttle = new SignInThrottle();
    const t0 = 1_000_000;
    expect(throttle.check("a", t0)).toEqual({ delayMs: 0, lockedForMs: 0 });
    throttle.failed("a", t0);
    throttle.failed("a", t0);
    expect(throttle.check("a", t0).delayMs).toBe(1000);
    for (let i = 0; i < 8; i++) throttle.failed("a", t0 + i);
    expect(throttle.check("a", t0 + 10).lockedForMs).toBe(15 * 60_000 - 10);
    expect(throttle.check("b", t0 + 10)).toEqual({ delayMs: 0, lockedForMs: 0 });
    expect(throttle.check("a", t0 + 15 * 60_000 + 10)).toEqual({ delayMs: 0, lockedForMs: 0 });
    throttle.failed("b", t0);
    throttle.succeeded("b");
    expect(throttle.check("b", t0)).toEqual({ delayMs: 0, lockedForMs: 0 });
  });
});
