import type Database from "better-sqlite3";
import { llmAdopter } from "./llm-adoption";
import { backfillLlmAggregates, markLlmRecount } from "./llm-backfill";
import { llmCorrector } from "./llm-corrections";
import { catchUpTradeAggregates } from "./trade-facts";

/**
 * Counts everything waiting now, start to end: corrected LLM calls, new ones, the calls of a file being adopted, and
 * (given the zone days are cut in) trade changes. For the command line (db:migrate, db:seed) and tests; the server
 * leaves it to its background count (db/background/counting-loop.ts).
 */
export function countAllNow(
  db: Database.Database,
  { timeZone, log = () => {} }: { timeZone?: string; log?: (line: string) => void } = {},
): void {
  const corrections = llmCorrector(db);
  while (corrections.step());
  backfillLlmAggregates(db, log);
  const adopter = llmAdopter(db);
  const began = performance.now();
  let reported = began;
  while (adopter.step()) {
    if (performance.now() - reported > 2000) {
      reported = performance.now();
      log(
        `  adopting the LLM log, newest first: counted back to ${adopterFrom(db)} (${((reported - began) / 1000).toFixed(0)} s)`,
      );
    }
  }
  if (timeZone) catchUpTradeAggregates(db, timeZone, log);
}

function adopterFrom(db: Database.Database): string {
  return String(
    db.prepare("SELECT adopt_from FROM agent_desk_backfill WHERE name = 'llm_usage_log'").pluck().get() ?? "the start",
  );
}

/** Empties the LLM aggregates and counts the whole log again, as an adoption (tests compare it with the catch-up's). */
export function rebuildLlmAggregates(db: Database.Database): void {
  markLlmRecount(db);
  countAllNow(db);
}
