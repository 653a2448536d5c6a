import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeOwnFileAtomically } from "./atomic-file";
import type { Config } from "./config";
import { sessionSecret } from "./session-secret";
import { signSession, verifySession } from "./session";

// The operator sessions that exist, kept server-side so that each can be ended: sign-out ends its own, /system ends
// any, and a new DASHBOARD_PASSWORD ends every one (each session holds a mark of the password it was opened with).
// A small owner-only JSON file beside the database (`.<file>.agent-desk-sessions.json`), not the trading system's
// database, so signing in works
// while the file is migrated, adopted or read-only. The cookie is still signed: a forged id is refused before the
// list is consulted. One store per process, shared by the proxy and the server actions, which Next.js bundles apart.

export type StoredSession = {
  id: string;
  createdAt: number;
  expiresAt: number; // unix seconds, as in the cookie
  lastUsedAt: number;
  client: string;
  userAgent: string;
  passwordMark: string;
};

/** Who opened a session, for the operator's list of them. */
export type SessionOrigin = { client: string; userAgent: string };

const MAX_SESSIONS = 50; // more than any desk needs; beyond it the least recently used ends
const LAST_USE_WRITE_MS = 5 * 60_000; // last use is kept in memory and written when it is this stale

export class SessionStore {
  private sessions: StoredSession[] = [];
  private seen = ""; // the file's identity when last read: another process may have written it
  private readonly file: string;
  private readonly mark: string;

  constructor(
    config: Pick<Config, "databasePath" | "sessionSecret">,
    password: string,
    private readonly secret = sessionSecret(config),
  ) {
    // Named after the database: two desks over two files in one folder keep apart lists (and passwords).
    this.file = path.join(
      path.dirname(config.databasePath),
      `.${path.basename(config.databasePath)}.agent-desk-sessions.json`,
    );
    this.mark = createHmac("sha256", this.secret).update(`password-mark:${password}`).digest("base64url").slice(0, 22);
  }

  /** Opens a session for an operator who just proved the password; returns the cookie value. */
  open(origin: SessionOrigin, now = Date.now()): { token: string; session: StoredSession } {
    const { token, session } = signSession(this.secret, now);
    const stored: StoredSession = {
      ...session,
      createdAt: now,
      lastUsedAt: now,
      client: origin.client,
      userAgent: origin.userAgent.slice(0, 200),
      passwordMark: this.mark,
    };
    const kept = this.active(now)
      .sort((a, b) => b.lastUsedAt - a.lastUsedAt)
      .slice(0, MAX_SESSIONS - 1);
    this.write([...kept, stored]);
    return { token, session: stored };
  }

  /** The live session a cookie stands for, its last use noted; null when it is forged, expired or ended. */
  verify(token: string | undefined, now = Date.now()): StoredSession | null {
    const signed = verifySession(token, this.secret, now);
    if (!signed) return null;
    const session = this.active(now).find((s) => s.id === signed.id);
    if (!session) return null;
    const stale = now - session.lastUsedAt >= LAST_USE_WRITE_MS;
    session.lastUsedAt = now;
    try {
      if (stale) this.write(this.sessions);
    } catch (error) {
      // Only the list's note of last use is lost (a full disk, say): the operator's request goes on.
      console.error(`Agent Desk: could not note a session's last use: ${(error as Error).message}`);
    }
    return session;
  }

  /**
   * A browser that has signed in here with the current password gets a device mark (a cookie kept for a year): its
   * sign-ins are limited on their own, not by the pause a crowd of guessers causes for everyone else.
   */
  deviceToken(): string {
    const id = randomBytes(16).toString("base64url");
    return `d1.${id}.${this.deviceMac(id)}`;
  }

  /** The device a mark stands for (its id), or null when it is missing, forged, or from before the password changed. */
  knownDevice(token: string | undefined): string | null {
    const [version, id, mac] = token?.split(".") ?? [];
    if (version !== "d1" || !id || !mac) return null;
    const expected = Buffer.from(this.deviceMac(id));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  private deviceMac(id: string): string {
    return createHmac("sha256", this.secret).update(`device:${this.mark}:${id}`).digest("base64url");
  }

  /** Ends one session (sign-out, or the operator's choice on /system); nothing happens when it is gone already. */
  end(id: string, now = Date.now()): void {
    const remaining = this.active(now).filter((s) => s.id !== id);
    if (remaining.length !== this.sessions.length) this.write(remaining);
  }

  /** Ends every session but `keep`. */
  endOthers(keep: string, now = Date.now()): void {
    this.write(this.active(now).filter((s) => s.id === keep));
  }

  /** The sessions still open under the current password, most recently used first. */
  list(now = Date.now()): StoredSession[] {
    return this.active(now).sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  }

  private active(now: number): StoredSession[] {
    this.reload();
    return this.sessions.filter((s) => s.passwordMark === this.mark && s.expiresAt * 1000 > now);
  }

  private reload(): void {
    const stat = fs.statSync(this.file, { throwIfNoEntry: false });
    const identity = stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : "none";
    if (identity === this.seen) return;
    const lastUse = new Map(this.sessions.map((s) => [s.id, s.lastUsedAt]));
    this.sessions = stat ? parseSessions(fs.readFileSync(this.file, "utf8")) : [];
    for (const s of this.sessions) s.lastUsedAt = Math.max(s.lastUsedAt, lastUse.get(s.id) ?? 0);
    this.seen = identity;
  }

  private write(sessions: StoredSession[]): void {
    const now = Date.now();
    const kept = sessions.filter((s) => s.passwordMark === this.mark && s.expiresAt * 1000 > now); // the ended are dropped for good
    writeOwnFileAtomically(this.file, JSON.stringify({ version: 1, sessions: kept }));
    this.sessions = kept;
    const stat = fs.statSync(this.file);
    this.seen = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  }
}

/** A damaged list ends every session (operators sign in again) rather than trusting any of it. */
function parseSessions(text: string): StoredSession[] {
  try {
    const parsed = JSON.parse(text) as { version?: unknown; sessions?: unknown };
    if (parsed.version !== 1 || !Array.isArray(parsed.sessions)) return [];
    return parsed.sessions.filter(
      (s): s is StoredSession =>
        typeof s === "object" &&
        s !== null &&
        typeof s.id === "string" &&
        Number.isSafeInteger(s.expiresAt) &&
        Number.isFinite(s.lastUsedAt) &&
        Number.isFinite(s.createdAt) &&
        typeof s.passwordMark === "string",
    );
  } catch {
    return [];
  }
}

const STORES = Symbol.for("agent-desk.session-stores");
type Registry = Map<string, SessionStore>;

/**
 * This process's store for the configured password (a different password, a different store: none of the old sessions).
 */
export function sessionStore(
  config: Pick<Config, "databasePath" | "sessionSecret" | "dashboardPassword">,
): SessionStore {
  const registry = ((globalThis as Record<symbol, Registry | undefined>)[STORES] ??= new Map());
  const key = `${config.databasePath}\0${config.dashboardPassword ?? ""}`;
  let store = registry.get(key);
  if (!store) registry.set(key, (store = new SessionStore(config, config.dashboardPassword ?? "")));
  return store;
}
