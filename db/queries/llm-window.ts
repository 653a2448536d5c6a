import "server-only";
import type Database from "better-sqlite3";
import { database } from "@/db";
import { backfillLlmAggregates, llmAggregatesComplete } from "@/db/aggregates/llm-backfill";
import { LlmRangeCache } from "@/db/aggregates/llm-range-cache";
import { LlmWindow } from "@/db/aggregates/llm-window";

// One cache per connection: the server process has one.
const rangeCaches = new WeakMap<Database.Database, LlmRangeCache>();

/** The LLM calls at or after now − days × 24 h: from the aggregates once they hold every row, else from raw rows. */
export function llmWindow(days: number, now = Date.now()): LlmWindow {
  return llmCallsBetween(now - days * 86_400_000, now);
}

/**
 * The LLM calls in [fromMs, toMs). While the aggregates are incomplete (a backfill that npm start did not finish,
 * or one restarted by a delete), each read first moves the backfill on by one short chunk, then reads raw rows.
 */
export function llmCallsBetween(fromMs: number, toMs: number): LlmWindow {
  const { sqlite, config } = database();
  if (!llmAggregatesComplete(sqlite)) backfillLlmAggregates(sqlite, undefined, 1);
  const ranges = rangeCaches.get(sqlite) ?? rangeCaches.set(sqlite, new LlmRangeCache()).get(sqlite)!;
  ranges.sync(sqlite);
  return new LlmWindow(sqlite, config.dataTimeZone, fromMs, toMs, llmAggregatesComplete(sqlite), ranges);
}
