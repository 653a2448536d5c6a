import "server-only";
import { database } from "@/db";
import { llmAggregatesComplete } from "@/db/aggregates/llm-backfill";
import { LlmWindow } from "@/db/aggregates/llm-window";

/** The LLM calls at or after now − days × 24 h: from the aggregates once they hold every row, else from raw rows. */
export function llmWindow(days: number, now = Date.now()): LlmWindow {
  const { sqlite, config } = database();
  return new LlmWindow(sqlite, config.dataTimeZone, now - days * 86_400_000, now, llmAggregatesComplete(sqlite));
}
