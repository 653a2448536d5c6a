import type Database from "better-sqlite3";
import { dayKeySql, hourKeySql, latencyBucketSql } from "./llm-keys";

const CHUNK_ROWS = 50_000;

type Cursor = { next_id: number; last_id: number };

function cursor(db: Database.Database): Cursor | undefined {
  return db.prepare("SELECT next_id, last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'").get() as Cursor | undefined;
}

/** True when every row of the LLM log is in the aggregates (and pages may read them). */
export function llmAggregatesComplete(db: Database.Database): boolean {
  const c = cursor(db);
  return c !== undefined && c.next_id > c.last_id;
}

/**
 * Adds the rows that were in the file before the aggregates existed, 50,000 ids per short immediate
 * transaction (the Python writer waits at most one chunk), moving the cursor in the same transaction: a backfill
 * killed at any point resumes where it stopped.
 */
export function backfillLlmAggregates(db: Database.Database, log: (line: string) => void = () => {}): void {
  const start = cursor(db);
  if (!start || start.next_id > start.last_id) return;
  const total = start.last_id - start.next_id + 1;
  const began = performance.now();
  log(`aggregating ${total.toLocaleString("en-US")} LLM calls already in the file…`);
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
  const advance = db.prepare("UPDATE agent_desk_backfill SET next_id = ? WHERE name = 'llm_usage_log'");
  const chunk = db.transaction((from: number, to: number) => {
    hourly.run(from, to);
    latency.run(from, to);
    errors.run(from, to);
    advance.run(to + 1);
  });

  let reported = 0;
  for (let from = start.next_id; from <= start.last_id; from += CHUNK_ROWS) {
    const to = Math.min(from + CHUNK_ROWS - 1, start.last_id);
    chunk.immediate(from, to);
    const done = (to - start.next_id + 1) / total;
    if (done - reported >= 0.1 || to === start.last_id) {
      reported = done;
      log(`  ${Math.round(done * 100)}% (${((performance.now() - began) / 1000).toFixed(1)} s)`);
    }
  }
}

/** Empties the aggregates and counts every row again from the LLM log (tests compare this with the triggers'). */
export function rebuildLlmAggregates(db: Database.Database): void {
  db.transaction(() => {
    db.exec("DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors");
    db.exec("UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log), last_id = (SELECT coalesce(max(id), 0) FROM llm_usage_log) WHERE name = 'llm_usage_log'");
  }).immediate();
  backfillLlmAggregates(db);
}
