// Failed sign-ins slow the next ones down: per client, each failure doubles the wait before an answer (from 0.5 s
// up to 8 s), and ten failures within 15 minutes lock that client out until the oldest one ages out. Kept in
// memory: a restart forgets it, which costs a guesser more than it gains.

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  /** How long this client must wait before its attempt is even checked; `lockedForMs` > 0 refuses it outright. */
  check(client: string, now = Date.now()): { delayMs: number; lockedForMs: number } {
    const recent = this.recent(client, now);
    if (recent.length >= MAX_FAILURES) return { delayMs: 0, lockedForMs: recent[0]! + WINDOW_MS - now };
    return { delayMs: recent.length === 0 ? 0 : Math.min(8000, 250 * 2 ** recent.length), lockedForMs: 0 };
  }

  failed(client: string, now = Date.now()): void {
    this.failures.set(client, [...this.recent(client, now), now]);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(client: string): void {
    this.failures.delete(client);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((at) => now - at < WINDOW_MS);
  }
}
