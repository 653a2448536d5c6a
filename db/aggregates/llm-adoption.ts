import type Database from "better-sqlite3";
import { countingStatements } from "./llm-backfill";
import { hourKeySql } from "./llm-keys";

// A time that starts with a date: the only texts the date pass finds by the timestamp index.
const DATED = `l.timestamp GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`;
const UNDATED = `(${hourKeySql("l.timestamp")} = '?' OR NOT ${DATED})`;
const STEP_MS = 25;
const ODD_IDS = 100_000;
// What the aggregates read of a call.
const COLUMNS = [
  "id",
  "timestamp",
  "agent_name",
  "provider",
  "model",
  "request_type",
  "success",
  "tokens_used",
  "cost_usd",
  "response_time_ms",
  "error_message",
];
const DAY_MS = 86_400_000;

type Adoption = { adopt_below: number; adopt_from: string | null; adopt_odd: number };

/**
 * How far the adoption of the calls already in the file has come (migrations/0010): null when nothing is left to
 * adopt. `countedFromMs`: every call at or after this instant is in the aggregates (the pass has counted every text
 * dated two days before it, which no zone's offset can reach past); Infinity before the first step.
 */
export function llmAdoption(db: Database.Database): { countedFromMs: number; from: string | null } | null {
  const a = db
    .prepare("SELECT adopt_below, adopt_from, adopt_odd FROM agent_desk_backfill WHERE name = 'llm_usage_log'")
    .get() as Adoption | undefined;
  if (!a || a.adopt_below === 0) return null;
  if (a.adopt_from === "") return { countedFromMs: -Infinity, from: "" };
  const day = a.adopt_from === null ? NaN : Date.parse(`${a.adopt_from.slice(0, 10)}T00:00:00Z`);
  return { countedFromMs: Number.isNaN(day) ? Infinity : day + 2 * DAY_MS, from: a.adopt_from };
}

/**
 * Counts the calls the file held when it was adopted (ids below adopt_below), newest first, in short immediate
 * transactions of about 25 ms (`stepMs`; 0: one hour's text per step): first by time, walking the timestamp index down
 * one hour's text prefix after another
 * ('2026-01-05T09', '2026-01-05 09'), so the recent periods pages ask for are ready first; then, by id, the calls
 * whose time is no date (they belong to no period, only to totals). Every call is counted once: a dated time that
 * has an hour key by the first pass, any other by the second. Killed at any point, it resumes where it stopped.
 */
export function llmAdopter(db: Database.Database, stepMs = STEP_MS) {
  const state = db.prepare(
    "SELECT adopt_below, adopt_from, adopt_odd FROM agent_desk_backfill WHERE name = 'llm_usage_log'",
  );
  const newest = db.prepare(`SELECT substr(max(timestamp), 1, 13) FROM llm_usage_log AS l WHERE ${DATED}`).pluck();
  const newestBelow = db
    .prepare(`SELECT substr(max(timestamp), 1, 13) FROM llm_usage_log AS l WHERE l.timestamp < ? AND ${DATED}`)
    .pluck();
  // An hour's rows are found through the timestamp index once and copied aside, so the four aggregates read them
  // from memory instead of walking the index four times (about three times faster).
  db.pragma("temp_store = MEMORY");
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS agent_desk_adopting (${COLUMNS.join(", ")})`);
  const copyHour =
    db.prepare(`INSERT INTO temp.agent_desk_adopting SELECT ${COLUMNS.map((c) => `l.${c}`).join(", ")} FROM llm_usage_log AS l
    WHERE l.timestamp >= @lo AND l.timestamp < @hi AND l.id < @below AND ${hourKeySql("l.timestamp")} <> '?'`);
  const dated = countingStatements(db, "1", "temp.agent_desk_adopting");
  const clearHour = db.prepare("DELETE FROM temp.agent_desk_adopting");
  const undatedIds = db
    .prepare(`SELECT l.id FROM llm_usage_log AS l WHERE l.id >= @lo AND l.id < @hi AND l.id < @below AND ${UNDATED}`)
    .pluck();
  const undated = countingStatements(db, "l.id IN (SELECT value FROM json_each(@ids))");
  const moveFrom = db.prepare("UPDATE agent_desk_backfill SET adopt_from = ? WHERE name = 'llm_usage_log'");
  const moveOdd = db.prepare("UPDATE agent_desk_backfill SET adopt_odd = ? WHERE name = 'llm_usage_log'");
  const finish = db.prepare(
    "UPDATE agent_desk_backfill SET adopt_below = 0, adopt_from = NULL, adopt_odd = 0 WHERE name = 'llm_usage_log'",
  );
  const run = (statements: ReturnType<typeof countingStatements>, range: Record<string, string | number>) => {
    for (const statement of Object.values(statements)) statement.run(range);
  };

  const step = db.transaction((): boolean => {
    const a = state.get() as Adoption | undefined;
    if (!a || a.adopt_below === 0) return false;
    if (a.adopt_from !== "") {
      const began = performance.now();
      let from: string | null = a.adopt_from;
      do {
        const prefix = (from === null ? newest.get() : newestBelow.get(from)) as string | null;
        if (prefix === null) from = "";
        else {
          // A shorter text ('2026-01-05T0') has a prefix whose range reaches over texts already counted: stop at them.
          const hi = from === null || upTo(prefix) < from ? upTo(prefix) : from;
          copyHour.run({ lo: prefix, hi, below: a.adopt_below });
          run(dated, {});
          clearHour.run();
          from = prefix;
        }
      } while (from !== "" && performance.now() - began < stepMs);
      moveFrom.run(from);
      return true;
    }
    const to = Math.min(a.adopt_odd + ODD_IDS, a.adopt_below);
    const ids = undatedIds.all({ lo: a.adopt_odd, hi: to, below: a.adopt_below });
    if (ids.length > 0) run(undated, { ids: JSON.stringify(ids) });
    if (to >= a.adopt_below) finish.run();
    else moveOdd.run(to);
    return true;
  });
  return { step: () => step.immediate() };
}

/** The first text after every text that starts with `prefix`. */
export function upTo(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
