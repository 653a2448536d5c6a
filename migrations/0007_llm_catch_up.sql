-- 0007: the LLM aggregates catch up from a watermark on each read instead of a trigger inside every Python INSERT
-- Measured (npm run bench, one connection per insert as the trading system writes): 0003's insert trigger made
-- each of the trading system's inserts about 30 % slower, most of it the latency histogram's upsert (every table a
-- commit touches is another page through the rollback journal). Now the insert pays nothing but the schema parse:
-- agent_desk_backfill.next_id is a watermark, the first LLM call not yet counted; calls are never re-numbered
-- (AUTOINCREMENT), so everything above it is new. Before each read Agent Desk counts the new calls in one short
-- immediate transaction (a handful at 100 calls/s), so a call is on the next page load as before, and whatever was
-- written while Agent Desk was down is counted on start. last_id keeps the newest call counted.
-- The update and delete triggers stay (the trading system never does either): touching a counted call (below the
-- watermark) empties the aggregates and starts the count over, and adds one to agent_desk_backfill.resets so a
-- server's in-memory reads of the aggregates (db/aggregates/llm-range-cache.ts) know to let go of them.
-- migrate:up
DROP TRIGGER agent_desk_llm_after_insert;
DROP TRIGGER agent_desk_llm_after_delete;
DROP TRIGGER agent_desk_llm_after_update;
ALTER TABLE agent_desk_backfill ADD COLUMN resets INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log
WHEN OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
BEGIN
    DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors;
    UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log), resets = resets + 1 WHERE name = 'llm_usage_log';
END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log
WHEN OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
BEGIN
    DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors;
    UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log), resets = resets + 1 WHERE name = 'llm_usage_log';
END;
-- migrate:down
DROP TRIGGER agent_desk_llm_after_update;
DROP TRIGGER agent_desk_llm_after_delete;
ALTER TABLE agent_desk_backfill DROP COLUMN resets;
-- Back to counting inside each INSERT: the calls already counted stay; the newer ones are counted by the backfill
-- of npm start (next_id..last_id), which 0003 expects to cover everything up to last_id.
UPDATE agent_desk_backfill SET last_id = (SELECT coalesce(max(id), 0) FROM llm_usage_log) WHERE name = 'llm_usage_log';
CREATE TRIGGER agent_desk_llm_after_insert AFTER INSERT ON llm_usage_log
BEGIN
    INSERT INTO agent_desk_llm_hourly VALUES (CASE WHEN substr(NEW.timestamp, 17) GLOB '*[Z+-]*' THEN coalesce('U' || strftime('%Y-%m-%dT%H', NEW.timestamp), '?') WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*' THEN substr(NEW.timestamp, 1, 10) || 'T' || substr(NEW.timestamp, 12, 2) ELSE '?' END,
        NEW.agent_name, NEW.provider, NEW.model, NEW.request_type, 1, NEW.success = 1, NEW.tokens_used, NEW.cost_usd, NEW.response_time_ms)
    ON CONFLICT DO UPDATE SET calls = calls + 1, successes = successes + excluded.successes, tokens = tokens + excluded.tokens,
        cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum;
    INSERT INTO agent_desk_llm_latency VALUES (CASE WHEN substr(NEW.timestamp, 17) GLOB '*[Z+-]*' THEN coalesce('U' || strftime('%Y-%m-%d', NEW.timestamp), '?') WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*' THEN substr(NEW.timestamp, 1, 10) ELSE '?' END,
        NEW.agent_name, NEW.provider, NEW.model, NEW.request_type, length(CAST(CAST(NEW.response_time_ms AS INTEGER) AS TEXT)) * 100 + substr(CAST(CAST(NEW.response_time_ms AS INTEGER) AS TEXT), 1, 2), 1)
    ON CONFLICT DO UPDATE SET calls = calls + 1;
    INSERT INTO agent_desk_llm_errors SELECT CASE WHEN substr(NEW.timestamp, 17) GLOB '*[Z+-]*' THEN coalesce('U' || strftime('%Y-%m-%dT%H', NEW.timestamp), '?') WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*' THEN substr(NEW.timestamp, 1, 10) || 'T' || substr(NEW.timestamp, 12, 2) ELSE '?' END,
        NEW.agent_name, NEW.provider, NEW.model, coalesce(NEW.error_message, ''), 1 WHERE NEW.success = 0
    ON CONFLICT DO UPDATE SET calls = calls + 1;
END;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log
WHEN OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
  OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
BEGIN
    DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors;
    UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log),
        last_id = (SELECT coalesce(max(id), 0) FROM llm_usage_log) WHERE name = 'llm_usage_log';
END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log
WHEN OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
  OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
BEGIN
    DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors;
    UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log),
        last_id = (SELECT coalesce(max(id), 0) FROM llm_usage_log) WHERE name = 'llm_usage_log';
END;
