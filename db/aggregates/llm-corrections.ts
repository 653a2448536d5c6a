import type Database from "better-sqlite3";
import { markLlmRecount, countingStatements } from "./llm-backfill";
import { dayKeySql, hourKeySql, zonedSql } from "./llm-keys";

const NOTES_PER_STEP = 2_000;
// A call (alias l) the aggregates hold: below the watermark, and when a file is being adopted (migrations/0010),
// counted by the adoption already or newer than it. Only such calls are counted again; the adoption counts the rest.
const COUNTED = `EXISTS (SELECT 1 FROM agent_desk_backfill AS b WHERE b.name = 'llm_usage_log' AND l.id < b.next_id
  AND (l.id >= b.adopt_below OR l.timestamp >= b.adopt_from))`;
const STEP_MS = 25;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Counted calls changed or deleted (noted by migrations/0010's triggers) and hour or day keys still to count again. */
export function pendingLlmCorrections(db: Database.Database): { notes: number; keys: number } {
  return db
    .prepare(
      "SELECT (SELECT count(*) FROM agent_desk_llm_corrections) AS notes, (SELECT count(*) FROM agent_desk_llm_dirty) AS keys",
    )
    .get() as { notes: number; keys: number };
}

/**
 * One short immediate transaction of work on corrections, and whether there was any: first the triggers' notes
 * become the hour and day keys they touch (and the list of zoned calls follows the calls), then those keys are
 * counted again from their raw rows, as many as fit in about 25 ms. A key that is no time ('?') can only be found
 * by reading the whole log, so it marks the whole log for a recount instead.
 */
export function llmCorrector(db: Database.Database) {
  const notes = db.prepare(
    "SELECT rowid, old_id, old_time, new_id FROM agent_desk_llm_corrections ORDER BY rowid LIMIT ?",
  );
  const keysOf = db.prepare(`INSERT OR IGNORE INTO agent_desk_llm_dirty (key)
    SELECT 'h' || ${hourKeySql("old_time")} FROM agent_desk_llm_corrections WHERE rowid <= @last
    UNION SELECT 'd' || ${dayKeySql("old_time")} FROM agent_desk_llm_corrections WHERE rowid <= @last
    UNION SELECT 'h' || ${hourKeySql("new_time")} FROM agent_desk_llm_corrections WHERE rowid <= @last AND new_id IS NOT NULL
    UNION SELECT 'd' || ${dayKeySql("new_time")} FROM agent_desk_llm_corrections WHERE rowid <= @last AND new_id IS NOT NULL`);
  const forgetZoned = db.prepare(
    "DELETE FROM agent_desk_llm_zoned WHERE instant_ms = unixepoch(?, 'subsec') * 1000 AND id = ?",
  );
  const keepZoned =
    db.prepare(`INSERT OR IGNORE INTO agent_desk_llm_zoned SELECT unixepoch(l.timestamp, 'subsec') * 1000, l.id FROM llm_usage_log AS l
    WHERE l.id = ? AND ${COUNTED} AND ${zonedSql("l.timestamp")} AND unixepoch(l.timestamp, 'subsec') IS NOT NULL`);
  const dropNotes = db.prepare("DELETE FROM agent_desk_llm_corrections WHERE rowid <= ?");
  const dirtyKeys = db.prepare("SELECT key FROM agent_desk_llm_dirty ORDER BY key").pluck();
  const dropKey = db.prepare("DELETE FROM agent_desk_llm_dirty WHERE key = ?");
  const recount = recounter(db);

  const step = db.transaction((): boolean => {
    const rows = notes.all(NOTES_PER_STEP) as {
      rowid: number;
      old_id: number;
      old_time: string | null;
      new_id: number | null;
    }[];
    if (rows.length > 0) {
      const last = rows.at(-1)!.rowid;
      keysOf.run({ last });
      for (const row of rows) {
        if (row.old_time !== null) forgetZoned.run(row.old_time, row.old_id);
        if (row.new_id !== null) keepZoned.run(row.new_id);
      }
      dropNotes.run(last);
      return true;
    }
    const keys = dirtyKeys.all() as string[];
    if (keys.length === 0) return false;
    if (keys.some((key) => key.endsWith("?"))) {
      markLlmRecount(db); // the next count empties the aggregates and counts every call, so nothing is left to correct
      db.exec("DELETE FROM agent_desk_llm_dirty; DELETE FROM agent_desk_llm_corrections");
      return true;
    }
    const began = performance.now();
    for (const key of keys) {
      recount(key);
      dropKey.run(key);
      if (performance.now() - began > STEP_MS) break;
    }
    // Reads of whole hours and days kept in memory (llm-range-cache.ts) let go of everything: corrections are rare.
    db.prepare("UPDATE agent_desk_backfill SET resets = resets + 1 WHERE name = 'llm_usage_log'").run();
    return true;
  });
  return { step: () => step.immediate() };
}

/**
 * Counts one hour ('h' + an hour key of migrations/0003) or day ('d' + a day key) again from the raw rows below the
 * watermark. Naive keys find their rows by the timestamp index, one range per form (T and space); zoned keys
 * ('U…') through agent_desk_llm_zoned by instant. The key expression itself then keeps exactly the key's rows.
 */
function recounter(db: Database.Database) {
  const below = `AND ${COUNTED}`;
  const naive = (key: string) => `l.timestamp >= @lo AND l.timestamp < @hi AND ${key} = @key ${below}`;
  const zoned = (key: string) =>
    `l.id IN (SELECT id FROM agent_desk_llm_zoned WHERE instant_ms >= @lo AND instant_ms < @hi) AND ${key} = @key ${below}`;
  const hour = {
    naive: countingStatements(db, naive(hourKeySql("l.timestamp"))),
    zoned: countingStatements(db, zoned(hourKeySql("l.timestamp"))),
  };
  const day = {
    naive: countingStatements(db, naive(dayKeySql("l.timestamp"))),
    zoned: countingStatements(db, zoned(dayKeySql("l.timestamp"))),
  };
  const forgetHour = [
    db.prepare("DELETE FROM agent_desk_llm_hourly WHERE hour = ?"),
    db.prepare("DELETE FROM agent_desk_llm_errors WHERE hour = ?"),
  ];
  const forgetDay = db.prepare("DELETE FROM agent_desk_llm_latency WHERE day = ?");

  return (dirty: string) => {
    const key = dirty.slice(1);
    if (dirty.startsWith("h")) {
      for (const forget of forgetHour) forget.run(key);
      for (const range of ranges(key, HOUR_MS)) {
        const statements = key.startsWith("U") ? hour.zoned : hour.naive;
        statements.hourly.run({ ...range, key });
        statements.errors.run({ ...range, key });
      }
    } else {
      forgetDay.run(key);
      for (const range of ranges(key, DAY_MS))
        (key.startsWith("U") ? day.zoned : day.naive).latency.run({ ...range, key });
    }
  };
}

/** Where a key's rows are: instants of a UTC hour or day for 'U' keys, else the text ranges of both naive forms. */
function ranges(key: string, size: number): { lo: string | number; hi: string | number }[] {
  if (key.startsWith("U")) {
    const start = Date.parse(`${key.slice(1)}${size === HOUR_MS ? ":00:00Z" : "T00:00:00Z"}`);
    return [{ lo: start, hi: start + size }];
  }
  // Every text that starts with the key sorts at or after it and before the key with its last character raised.
  const upTo = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const forms = size === HOUR_MS ? [key, `${key.slice(0, 10)} ${key.slice(11)}`] : [key];
  return forms.map((prefix) => ({ lo: prefix, hi: upTo(prefix) }));
}
