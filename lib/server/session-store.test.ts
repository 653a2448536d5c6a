import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "@/db/testing/upstream-file";
import { ConfigError } from "../config-error";
import { sessionSecret, sessionSecretFile } from "./session-secret";
import { SessionStore } from "./session-store";

const where = () => ({ databasePath: path.join(tempDir(), "trading.db"), sessionSecret: undefined });
const ORIGIN = { client: "127.0.0.1", userAgent: "test" };

describe("the session secret", () => {
  it("is made once, owner-only and whole, and kept", () => {
    const config = where();
    const secret = sessionSecret(config);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(sessionSecretFile(config)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(config.databasePath))).toEqual([".agent-desk-session-secret"]); // no temporary file left
  });

  it("refuses an empty or short file, and a short SESSION_SECRET, in one line", () => {
    for (const text of ["", "\n", "x".repeat(31)]) {
      const config = where();
      fs.writeFileSync(sessionSecretFile(config), text);
      expect(() => sessionSecret(config)).toThrow(ConfigError);
      expect(() => sessionSecret(config)).toThrow(/is \d+ bytes, too short to sign sessions: delete it/);
    }
    expect(() => sessionSecret({ ...where(), sessionSecret: "short" })).toThrow(/SESSION_SECRET is 5 bytes/);
  });
});

describe("operator sessions on the server", () => {
  it("are open until signed out, expired, or the password changes", () => {
    const config = where();
    const store = new SessionStore(config, "correct horse");
    const a = store.open(ORIGIN);
    const b = store.open(ORIGIN);
    expect(store.verify(a.token)?.id).toBe(a.session.id);
    store.end(a.session.id);
    expect(store.verify(a.token)).toBeNull(); // the cookie replayed after sign-out
    expect(store.verify(b.token)?.id).toBe(b.session.id);
    expect(new SessionStore(config, "correct horse").verify(b.token)?.id).toBe(b.session.id); // a restart keeps it
    expect(new SessionStore(config, "a new password").verify(b.token)).toBeNull(); // a password change ends it
    expect(store.verify(b.token, Date.now() + 13 * 3_600_000)).toBeNull();
  });

  it("end every other session on request, and refuse forged or damaged ones", () => {
    const config = where();
    const store = new SessionStore(config, "correct horse");
    const [a, b, c] = [store.open(ORIGIN), store.open(ORIGIN), store.open(ORIGIN)];
    store.endOthers(b.session.id);
    expect([a, b, c].map((s) => store.verify(s.token) !== null)).toEqual([false, true, false]);
    expect(store.verify(b.token.replace(/.$/, (ch) => (ch === "A" ? "B" : "A")))).toBeNull();
    fs.writeFileSync(path.join(path.dirname(config.databasePath), ".trading.db.agent-desk-sessions.json"), "{not json");
    expect(store.verify(b.token)).toBeNull();
  });
});
