import "server-only";
import type Database from "better-sqlite3";
import { database } from "@/db";
import { backfillLlmAggregates, uncountedLlmCalls } from "@/db/aggregates/llm-backfill";
import { LlmRangeCache } from "@/db/aggregates/llm-range-cache";
import { LlmWindow } from "@/db/aggregates/llm-window";
import { writeRefused } from "@/db/write-refused";

// One cache per connection: the server process has one.
const rangeCaches = new WeakMap<Database.Database, LlmRangeCache>();

/** The LLM calls at or after now − days × 24 h: from the aggregates once they hold every row, else from raw rows. */
export function llmWindow(days: number, now = Date.now()): LlmWindow {
  return llmCallsBetween(now - days * 86_400_000, now);
}

/**
 * The LLM calls in [fromMs, toMs). Each read first counts the calls written since the last one (migrations/0007);
 * while many are still uncounted (a file being adopted, or counted again after someone changed a counted call),
 * it counts one more chunk and reads raw rows.
 */
export function llmCallsBetween(fromMs: number, toMs: number): LlmWindow {
  const { sqlite, config } = database();
  const counted = countNewLlmCalls(sqlite);
  const ranges = rangeCaches.get(sqlite) ?? rangeCaches.set(sqlite, new LlmRangeCache()).get(sqlite)!;
  ranges.sync(sqlite);
  return new LlmWindow(sqlite, config.dataTimeZone, fromMs, toMs, counted, ranges);
}

// Calls a read may leave out when the file refuses the count (under a minute of the trading system's writes).
const FEW_CALLS = 5_000;

/** Counts new calls (one chunk at most); true when the aggregates then hold all but a few, so pages may read them. */
export function countNewLlmCalls(sqlite: Database.Database): boolean {
  try {
    backfillLlmAggregates(sqlite, undefined, 1);
  } catch (error) {
    if (!writeRefused(error)) throw error;
  }
  return uncountedLlmCalls(sqlite) <= FEW_CALLS;
}
