import type Database from "better-sqlite3";
import { backfillLlmAggregates } from "./llm-backfill";
import { llmCorrector } from "./llm-corrections";
import { catchUpTradeAggregates } from "./trade-facts";

/**
 * Counts everything waiting now, start to end: corrected LLM calls, new ones, and (given the zone days are cut in)
 * trade changes. For the command line (db:migrate, db:seed) and tests; the server leaves it to its background count.
 */
export function countAllNow(db: Database.Database, { timeZone, log = () => {} }: { timeZone?: string; log?: (line: string) => void } = {}): void {
  const corrections = llmCorrector(db);
  while (corrections.step());
  backfillLlmAggregates(db, log);
  if (timeZone) catchUpTradeAggregates(db, timeZone, log);
}
