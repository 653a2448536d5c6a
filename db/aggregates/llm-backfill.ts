import type Database from "better-sqlite3";
import { dayKeySql, hourKeySql, latencyBucketSql, zonedSql } from "./llm-keys";

const CHUNK_ROWS = 50_000;

/**
 * next_id: the first call not yet counted (the watermark of migrations/0007), or 0 once a counted call was changed
 * or deleted (migrations/0008): everything is to be counted again. last_id: the newest call in the log.
 */
type Cursor = { next_id: number; last_id: number };

function cursor(db: Database.Database): Cursor | undefined {
  return db.prepare("SELECT next_id, (SELECT coalesce(max(id), 0) FROM llm_usage_log) AS last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'").get() as Cursor | undefined;
}

/** How many calls of the LLM log are above the watermark, not yet in the aggregates. */
export function uncountedLlmCalls(db: Database.Database): number {
  const c = cursor(db);
  return c ? Math.max(0, c.last_id - c.next_id + 1) : Infinity;
}


/**
 * Counts the calls above the watermark: the few written since the last read, everything written while Agent Desk
 * was down, or the whole log of a file just adopted (or after someone deleted or changed a counted row). 50,000 ids
 * per short immediate transaction (the Python writer waits at most one chunk), moving the watermark in the same
 * transaction: a backfill killed at any point resumes where it stopped. `maxChunks` bounds one call, for reads.
 */
export function backfillLlmAggregates(db: Database.Database, log: (line: string) => void = () => {}, maxChunks = Infinity): void {
  const start = cursor(db);
  if (!start || start.next_id > start.last_id) return;
  const total = start.last_id - start.next_id + 1;
  const began = performance.now();
  const loud = total > CHUNK_ROWS;
  if (loud) log(`aggregating ${total.toLocaleString("en-US")} LLM calls already in the file…`);
  const hourly = db.prepare(`
    INSERT INTO agent_desk_llm_hourly (hour, agent_name, provider, model, request_type, calls, successes, tokens, cost_usd, latency_ms_sum)
    SELECT ${hourKeySql("l.timestamp")}, agent_name, provider, model, request_type,
           count(*), sum(success = 1), sum(tokens_used), total(cost_usd), total(response_time_ms)
    FROM llm_usage_log AS l WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, successes = successes + excluded.successes,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum`);
  const latency = db.prepare(`
    INSERT INTO agent_desk_llm_latency (day, agent_name, provider, model, request_type, bucket, calls)
    SELECT ${dayKeySql("l.timestamp")}, agent_name, provider, model, request_type, ${latencyBucketSql("l.response_time_ms")}, count(*)
    FROM llm_usage_log AS l WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls`);
  const errors = db.prepare(`
    INSERT INTO agent_desk_llm_errors (hour, agent_name, provider, model, error_message, calls)
    SELECT ${hourKeySql("l.timestamp")}, agent_name, provider, model, coalesce(error_message, ''), count(*)
    FROM llm_usage_log AS l WHERE id BETWEEN ? AND ? AND success = 0 GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls`);
  const zoned = db.prepare(`
    INSERT OR IGNORE INTO agent_desk_llm_zoned (instant_ms, id)
    SELECT unixepoch(l.timestamp, 'subsec') * 1000, id FROM llm_usage_log AS l
    WHERE id BETWEEN ? AND ? AND ${zonedSql("l.timestamp")} AND unixepoch(l.timestamp, 'subsec') IS NOT NULL`);
  const advance = db.prepare("UPDATE agent_desk_backfill SET next_id = ?, last_id = ? WHERE name = 'llm_usage_log'");
  // The cursor is read inside each chunk's transaction: a change elsewhere may have marked everything for a recount.
  const chunk = db.transaction((): Cursor => {
    const c = cursor(db)!;
    if (c.next_id === 0) c.next_id = recountFromScratch(db);
    if (c.next_id > c.last_id) return c;
    const to = Math.min(c.next_id + CHUNK_ROWS - 1, c.last_id);
    hourly.run(c.next_id, to);
    latency.run(c.next_id, to);
    errors.run(c.next_id, to);
    zoned.run(c.next_id, to);
    advance.run(to + 1, to);
    return { next_id: to + 1, last_id: c.last_id };
  });

  let reported = 0;
  for (let chunks = 0; chunks < maxChunks; chunks++) {
    const c = chunk.immediate();
    if (c.next_id > c.last_id) {
      if (loud) log(`  100% (${((performance.now() - began) / 1000).toFixed(1)} s)`);
      return;
    }
    const done = (c.next_id - start.next_id) / total;
    if (loud && done - reported >= 0.1) {
      reported = done;
      log(`  ${Math.round(done * 100)}% (${((performance.now() - began) / 1000).toFixed(1)} s)`);
    }
  }
}

/** Empties the aggregates and moves the watermark to the first call (inside the caller's transaction); returns it. */
function recountFromScratch(db: Database.Database): number {
  db.exec("DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors; DELETE FROM agent_desk_llm_zoned");
  return db.prepare("UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log) WHERE name = 'llm_usage_log' RETURNING next_id").pluck().get() as number;
}

/** Empties the aggregates and counts every row again from the LLM log (tests compare this with the catch-up's). */
export function rebuildLlmAggregates(db: Database.Database): void {
  db.prepare("UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log'").run();
  backfillLlmAggregates(db);
}
