import type Database from "better-sqlite3";
import { dayKeySql, hourKeySql, latencyBucketSql, zonedSql } from "./llm-keys";

/**
 * next_id: the first call not yet counted (the watermark of migrations/0007), or 0 once the whole log is to be
 * counted again (a call whose time is no time was corrected: migrations/0010). last_id: the newest call in the log.
 */
type Cursor = { next_id: number; last_id: number };

function cursor(db: Database.Database): Cursor | undefined {
  return db
    .prepare(
      "SELECT next_id, (SELECT coalesce(max(id), 0) FROM llm_usage_log) AS last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'",
    )
    .get() as Cursor | undefined;
}

/** How many calls of the LLM log are above the watermark, not yet in the aggregates. */
export function uncountedLlmCalls(db: Database.Database): number {
  const c = cursor(db);
  return c ? Math.max(0, c.last_id - c.next_id + 1) : Infinity;
}

/**
 * The upserts that add raw rows of the log (alias `l`, chosen by `where`, with its named parameters) to each
 * aggregate: one text for counting new calls, a corrected hour or day again, or (`from`) rows an adoption has
 * copied aside.
 */
export function countingStatements(db: Database.Database, where: string, from = "llm_usage_log") {
  return {
    hourly: db.prepare(`
      INSERT INTO agent_desk_llm_hourly (hour, agent_name, provider, model, request_type, calls, successes, tokens, cost_usd, latency_ms_sum)
      SELECT ${hourKeySql("l.timestamp")}, agent_name, provider, model, request_type,
             count(*), sum(success = 1), sum(tokens_used), total(cost_usd), total(response_time_ms)
      FROM ${from} AS l WHERE ${where} GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, successes = successes + excluded.successes,
        tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum`),
    latency: db.prepare(`
      INSERT INTO agent_desk_llm_latency (day, agent_name, provider, model, request_type, bucket, calls)
      SELECT ${dayKeySql("l.timestamp")}, agent_name, provider, model, request_type, ${latencyBucketSql("l.response_time_ms")}, count(*)
      FROM ${from} AS l WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT DO UPDATE SET calls = calls + excluded.calls`),
    errors: db.prepare(`
      INSERT INTO agent_desk_llm_errors (hour, agent_name, provider, model, error_message, calls)
      SELECT ${hourKeySql("l.timestamp")}, agent_name, provider, model, coalesce(error_message, ''), count(*)
      FROM ${from} AS l WHERE ${where} AND success = 0 GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT DO UPDATE SET calls = calls + excluded.calls`),
    zoned: db.prepare(`
      INSERT OR IGNORE INTO agent_desk_llm_zoned (instant_ms, id)
      SELECT unixepoch(l.timestamp, 'subsec') * 1000, id FROM ${from} AS l
      WHERE ${where} AND ${zonedSql("l.timestamp")} AND unixepoch(l.timestamp, 'subsec') IS NOT NULL`),
  };
}

// A chunk's first size; then sized to take about TARGET_MS, so the Python writer never waits long for one.
const FIRST_CHUNK_IDS = 5_000;
const TARGET_MS = 25;
const MIN_CHUNK_IDS = 500;
const MAX_CHUNK_IDS = 50_000;

/**
 * Counts the calls above the watermark one chunk at a time, each a short immediate transaction that moves the
 * watermark with it (killed at any point, the next chunk goes on where this one stopped). Every call of `chunk()`
 * sizes itself by the last one's time. The cursor is read inside the transaction: a correction elsewhere may have
 * marked the whole log for a recount.
 */
export function llmCounter(db: Database.Database) {
  const counting = countingStatements(db, "id BETWEEN @from AND @to");
  const advance = db.prepare("UPDATE agent_desk_backfill SET next_id = ?, last_id = ? WHERE name = 'llm_usage_log'");
  let size = FIRST_CHUNK_IDS;
  const step = db.transaction((): Cursor & { counted: number } => {
    const c = cursor(db)!;
    if (c.next_id === 0) return { ...readoptLlmLog(db), counted: 0 };
    if (c.next_id > c.last_id) return { ...c, counted: 0 };
    const range = { from: c.next_id, to: Math.min(c.next_id + size - 1, c.last_id) };
    counting.hourly.run(range);
    counting.latency.run(range);
    counting.errors.run(range);
    counting.zoned.run(range);
    advance.run(range.to + 1, range.to);
    return { next_id: range.to + 1, last_id: c.last_id, counted: range.to - range.from + 1 };
  });
  return {
    /** One chunk; how many ids it counted (0: nothing was waiting) and how many wait after it. */
    chunk(): { counted: number; waiting: number } {
      const began = performance.now();
      const c = step.immediate();
      const ms = performance.now() - began;
      if (c.counted === size)
        size = Math.round(Math.min(MAX_CHUNK_IDS, Math.max(MIN_CHUNK_IDS, (size * TARGET_MS) / Math.max(ms, 1))));
      return { counted: c.counted, waiting: Math.max(0, c.last_id - c.next_id + 1) };
    },
  };
}

/**
 * Counts every call above the watermark now, chunk after chunk: for the command line (db:migrate, db:seed) and
 * tests. The server leaves this to its background count (db/background/counting-loop.ts).
 */
export function backfillLlmAggregates(db: Database.Database, log: (line: string) => void = () => {}): void {
  if (cursor(db)?.next_id === 0) llmCounter(db).chunk(); // a whole recount marked: start it (as an adoption)
  const total = uncountedLlmCalls(db);
  if (total === 0 || total === Infinity) return;
  const counter = llmCounter(db);
  const began = performance.now();
  const loud = total > MAX_CHUNK_IDS;
  if (loud) log(`aggregating ${total.toLocaleString("en-US")} LLM calls already in the file…`);
  let reported = 0;
  for (let c = counter.chunk(); c.counted > 0; c = counter.chunk()) {
    const done = 1 - c.waiting / total;
    if (loud && done - reported >= 0.1) {
      reported = done;
      log(`  ${Math.round(done * 100)}% (${((performance.now() - began) / 1000).toFixed(1)} s)`);
    }
  }
}

/**
 * Starts counting the whole log again (inside the caller's transaction): the aggregates emptied, every call there is
 * now to be adopted newest first (llm-adoption.ts), new ones counted from the next id as ever. Returns the cursor.
 */
function readoptLlmLog(db: Database.Database): Cursor {
  db.exec(`DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors; DELETE FROM agent_desk_llm_zoned;
    DELETE FROM agent_desk_llm_corrections; DELETE FROM agent_desk_llm_dirty;`);
  return db
    .prepare(
      `UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(max(id), 0) + 1 FROM llm_usage_log), last_id = (SELECT coalesce(max(id), 0) FROM llm_usage_log),
    adopt_below = (SELECT coalesce(max(id), 0) + 1 FROM llm_usage_log), adopt_from = NULL, adopt_odd = (SELECT coalesce(min(id), 0) FROM llm_usage_log)
    WHERE name = 'llm_usage_log' RETURNING next_id, last_id`,
    )
    .get() as Cursor;
}

/** Marks the whole log to be counted again: the next chunk empties the aggregates first. */
export function markLlmRecount(db: Database.Database): void {
  db.prepare("UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log'").run();
}
