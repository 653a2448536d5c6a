// Failed sign-ins slow the next ones down. Per client (its address, lib/server/client-address.ts): each attempt waits
// longer than the one before (0.5 s doubling to 8 s) before its password is even checked, and ten within 15 minutes
// lock that client out until the oldest ages out. Across all clients: thirty failures within 15 minutes pause
// sign-in for everyone, so a guesser with many addresses gains nothing from them (signed-in operators stay so). A
// browser that signed in here before (its device mark, lib/server/session-store.ts) is its own client and is not paused
// with everyone: a crowd of guessers cannot lock the operator out, as OWASP's "device cookies" advise.
//
// An attempt counts as a failure from the moment it begins, not once its answer is known: parallel guesses each
// see the ones before them, and only a correct password takes its attempt back. Kept in memory: a restart forgets
// it, which costs a guesser a restart's worth of waiting, no more. The table holds only clients with a live
// failure, at most the global budget of them, so nothing is ever evicted early: a lock-out lasts its full time.

const WINDOW_MS = 15 * 60_000;
const MAX_PER_CLIENT = 10;
const MAX_OVERALL = 30;

export type SignInVerdict =
  { go: true; delayMs: number; attempt: number } | { go: false; lockedForMs: number; everyone: boolean };

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>(); // client → times of its live attempts
  private overall: number[] = [];

  /** Decides and counts in one step: either the attempt may go on after `delayMs`, or it is refused outright. */
  begin(client: string, now = Date.now(), knownDevice = false): SignInVerdict {
    this.forgetBefore(now - WINDOW_MS);
    if (!knownDevice && this.overall.length >= MAX_OVERALL)
      return { go: false, lockedForMs: this.overall[0]! + WINDOW_MS - now, everyone: true };
    const mine = this.failures.get(client) ?? [];
    if (mine.length >= MAX_PER_CLIENT) return { go: false, lockedForMs: mine[0]! + WINDOW_MS - now, everyone: false };
    const delayMs = mine.length === 0 ? 0 : Math.min(8000, 250 * 2 ** mine.length);
    const attempt = Math.max(now, (this.overall.at(-1) ?? -Infinity) + 1); // distinct, and in order
    this.failures.set(client, [...mine, attempt]);
    this.overall.push(attempt);
    return { go: true, delayMs, attempt };
  }

  /** The password was right: this attempt was no failure, and the client's earlier ones are forgiven. */
  succeeded(client: string, attempt: number): void {
    const forgiven = new Set(this.failures.get(client) ?? []);
    forgiven.add(attempt);
    this.failures.delete(client);
    this.overall = this.overall.filter((at) => !forgiven.has(at));
  }

  private forgetBefore(cutoff: number): void {
    if (this.overall.length > 0 && this.overall[0]! > cutoff) return;
    this.overall = this.overall.filter((at) => at > cutoff);
    for (const [client, times] of this.failures) {
      const live = times.filter((at) => at > cutoff);
      if (live.length === 0) this.failures.delete(client);
      else this.failures.set(client, live);
    }
  }
}

const THROTTLES = Symbol.for("agent-desk.sign-in-throttle");

/** This process's one throttle, however many bundles the sign-in action is compiled into. */
export function signInThrottle(): SignInThrottle {
  return ((globalThis as Record<symbol, SignInThrottle | undefined>)[THROTTLES] ??= new SignInThrottle());
}
