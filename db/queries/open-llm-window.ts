import "server-only";
import type Database from "better-sqlite3";
import { database } from "@/db";
import { llmAdoption } from "@/db/aggregates/llm-adoption";
import { uncountedLlmCalls } from "@/db/aggregates/llm-backfill";
import { LlmRangeCache } from "@/db/aggregates/llm-range-cache";
import { LlmWindow } from "@/db/aggregates/llm-window-reader";
import { CountingInProgress } from "@/lib/counting-in-progress";
import type { ReadContext, RequestClock } from "@/lib/read-context";

// One cache per connection: the server process has one.
const rangeCaches = new WeakMap<Database.Database, LlmRangeCache>();

/** The LLM calls of the period: from the aggregates once they hold every row, else from raw rows. */
export function llmWindow(ctx: ReadContext): LlmWindow {
  return llmCallsBetween(ctx, ctx.period.startMs, ctx.period.endMs);
}

/**
 * The LLM calls in [fromMs, toMs), read only: the server's background count (db/background/counting-loop.ts) keeps
 * the aggregates a moment behind the file; while many calls are still uncounted (a file being adopted, or the whole
 * log counted again) the window reads raw rows, exact but slower.
 */
export function llmCallsBetween(clock: RequestClock, fromMs: number, toMs: number): LlmWindow {
  const { sqlite } = database(clock);
  const counted = llmAggregatesUsable(sqlite);
  // While a file is adopted, the calls it held are counted newest first; a period not reached yet waits for it
  // (raw rows cannot stand in: the zoned times among them are listed only as they are counted).
  const adoption = llmAdoption(sqlite);
  if (adoption && (fromMs < adoption.countedFromMs || !counted))
    throw new CountingInProgress(
      `the LLM log is being counted, newest first: ${adoption.from ? `counted back to ${adoption.from}` : "starting"}`,
    );
  const ranges = rangeCaches.get(sqlite) ?? rangeCaches.set(sqlite, new LlmRangeCache()).get(sqlite)!;
  ranges.sync(sqlite);
  return new LlmWindow(sqlite, clock.zone, fromMs, toMs, counted, ranges);
}

// Calls a read may leave out while the background count catches up (under a minute of the trading system's writes).
const FEW_CALLS = 5_000;

/** True when the aggregates hold all but the few newest calls, so pages may read them. */
export function llmAggregatesUsable(sqlite: Database.Database): boolean {
  return uncountedLlmCalls(sqlite) <= FEW_CALLS;
}
