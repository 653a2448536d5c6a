import "server-only";
import { database } from "@/db";
import { llmAggregatesComplete } from "@/db/aggregates/llm-backfill";
import { LlmWindow } from "@/db/aggregates/llm-window";

/** The LLM calls at or after now − days × 24 h: from the aggregates once they hold every row, else from raw rows. */
export function llmWindow(days: number, now = Date.now()): LlmWindow {
  return llmCallsBetween(now - days * 86_400_000, now);
}

/** The LLM calls in [fromMs, toMs). */
export function llmCallsBetween(fromMs: number, toMs: number): LlmWindow {
  const { sqlite, config } = database();
  return new LlmWindow(sqlite, config.dataTimeZone, fromMs, toMs, llmAggregatesComplete(sqlite));
}
