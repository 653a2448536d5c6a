import "server-only";
import { database } from "@/db";
import type { Observation, RuleParams } from "@/lib/alerts/rules";
import { parseEventTime } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";

const MINUTE_MS = 60_000;
// Calls read at most, newest first: a day of the trading system's busiest traffic (about 30,000 calls) and more.
export const MAX_CALLS_READ = 100_000;
// Ids grow with time, but a call that took a minute is written after quicker ones that started later: reading goes
// on this far before the window, so a straggler inside it is still counted.
const STRAGGLER_MS = 10 * MINUTE_MS;
// Rows in a row without a time inside the log's past that end the read (a writer's clock gone wrong).
const MAX_TIMELESS = 2_000;

type ProviderCounts = { calls: number; failures: number; rateLimited: number; serverErrors: number };

/**
 * Each provider's calls over the last `minutes`, from raw rows read newest first by id (the index every table has),
 * and among the failed ones the rate limits (429) and server errors (5xx). One observation per provider that made
 * calls; firing once it made at least `minCalls` and at least `rate` of them failed.
 */
export function measureProviderFailures(params: RuleParams<"provider_failures">, clock: RequestClock): Observation[] {
  const from = clock.now - params.minutes * MINUTE_MS;
  const { counts, capped } = countRecentCalls(clock, from);
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([provider, c]) => {
      const rate = c.failures / c.calls;
      return {
        instance: provider,
        firing: c.calls >= params.minCalls && rate >= params.rate,
        value: rate,
        threshold: params.rate,
        facts: { provider, ...c, minutes: params.minutes, minCalls: params.minCalls, capped, path: "/costs?days=1" },
      };
    });
}

function countRecentCalls(clock: RequestClock, from: number) {
  const rows = database(clock)
    .sqlite.prepare("SELECT timestamp, provider, success, error_message FROM llm_usage_log ORDER BY id DESC LIMIT ?")
    .raw()
    .iterate(MAX_CALLS_READ) as IterableIterator<[string, string, unknown, string | null]>;
  const counts = new Map<string, ProviderCounts>();
  let read = 0;
  let timeless = 0;
  for (const [timestamp, provider, success, message] of rows) {
    read++;
    const at = parseEventTime(timestamp, clock.zone);
    // Rows without a readable time, or stamped after now, never reach the window's start: a long run of them ends
    // the read rather than taking 100,000 rows in one turn of the event loop.
    if (at === null || at > clock.now) {
      if (++timeless >= MAX_TIMELESS) break;
      continue;
    }
    timeless = 0;
    if (at < from - STRAGGLER_MS) break;
    if (at < from) continue;
    const c = counts.get(provider) ?? { calls: 0, failures: 0, rateLimited: 0, serverErrors: 0 };
    c.calls++;
    // As the aggregates count successes: success = 1, anything else failed.
    if (success !== 1) {
      c.failures++;
      const kind = failureKind(message);
      if (kind === "rate_limit") c.rateLimited++;
      if (kind === "server_error") c.serverErrors++;
    }
    counts.set(provider, c);
  }
  return { counts, capped: read === MAX_CALLS_READ };
}

// The HTTP status the providers' SDKs put first: "Error code: 429 - {…}", "429 Resource has been exhausted",
// "503 The model is overloaded", Anthropic's "Error code: 529 - …".
const STATUS = /^\s*(?:Error code:\s*)?([1-5]\d\d)\b/i;

/** What a failed call's message says it was: a rate limit (429, or worded so), a server error (5xx), or other. */
export function failureKind(message: string | null): "rate_limit" | "server_error" | "other" {
  const status = Number(STATUS.exec(message ?? "")?.[1]);
  if (status === 429) return "rate_limit";
  if (status >= 500) return "server_error";
  // The trading system's own wording has no status: "API rate limit exceeded".
  return /\brate.?limit/i.test(message ?? "") ? "rate_limit" : "other";
}
