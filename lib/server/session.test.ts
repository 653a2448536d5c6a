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
    for (const bad of [undefined, "", "v1", "v1.1.2", `${token}.x`, token.replace("v1", "v2")])
      expect(verifySession(bad, SECRET)).toBeNull();
  });

  it("compare passwords exactly", () => {
    expect(passwordMatches("correct horse", "correct horse", SECRET)).toBe(true);
    expect(passwordMatches("correct hors", "correct horse", SECRET)).toBe(false);
    expect(passwordMatches("", "correct horse", SECRET)).toBe(false);
  });
});

describe("sign-in attempts", () => {
  const go = (v: ReturnType<SignInThrottle["begin"]>) => (v.go ? v : expect.fail(`refused: ${JSON.stringify(v)}`));

  it("slow a client down more with every attempt, lock it out after ten, and forget after fifteen minutes", () => {
    const throttle = new SignInThrottle();
    const t0 = 1_000_000;
    expect(go(throttle.begin("a", t0)).delayMs).toBe(0);
    expect(go(throttle.begin("a", t0)).delayMs).toBe(500);
    expect(go(throttle.begin("a", t0)).delayMs).toBe(1000);
    for (let i = 0; i < 7; i++) go(throttle.begin("a", t0 + i));
    expect(throttle.begin("a", t0 + 10)).toEqual({ go: false, lockedForMs: 15 * 60_000 - 10, everyone: false });
    expect(go(throttle.begin("b", t0 + 10)).delayMs).toBe(0);
    expect(go(throttle.begin("a", t0 + 15 * 60_000 + 20)).delayMs).toBe(0);
  });

  it("count an attempt as it begins, so parallel guesses see each other; a right password takes its own back", () => {
    const throttle = new SignInThrottle();
    const verdicts = Array.from({ length: 50 }, () => throttle.begin("a", 5_000));
    expect(verdicts.filter((v) => v.go)).toHaveLength(10);
    const fresh = new SignInThrottle();
    const first = go(fresh.begin("b", 0));
    go(fresh.begin("b", 0));
    fresh.succeeded("b", first.attempt);
    expect(go(fresh.begin("b", 1)).delayMs).toBe(0); // the client's failures are forgiven with the right password
  });

  it("pause sign-in for everyone after thirty failures from any number of clients, and never lift a lock-out early", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 10; i++) go(throttle.begin("locked", 0));
    for (let i = 0; i < 20; i++) go(throttle.begin(`bot-${i}`, 1000));
    expect(throttle.begin("operator", 2000)).toEqual({ go: false, lockedForMs: 15 * 60_000 - 2000, everyone: true });
    // Many more clients than the table could ever hold while the pause lasts: none is counted, none is forgotten.
    for (let i = 0; i < 100_000; i++) throttle.begin(`botnet-${i}`, 3000);
    expect(throttle.begin("locked", 15 * 60_000 - 1)).toMatchObject({ go: false });
    // Its ten age out, the pause lifts with them, and it may try again.
    const after = 15 * 60_000 + 10;
    expect(throttle.begin("locked", after)).toMatchObject({ go: true });
  });
});
