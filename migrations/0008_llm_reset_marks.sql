-- 0008: a change to a counted LLM call only marks the aggregates for a recount; the next read empties and recounts
-- Measured (npm run bench): every new connection of the trading system parses the whole schema before its INSERT,
-- so each statement in a trigger body costs every one of its inserts, even triggers that never fire on an insert.
-- 0007's update and delete triggers emptied three tables and looked up the first id themselves; now each is one
-- UPDATE: next_id = 0 says "count everything again", resets + 1 lets in-memory reads let go of the aggregates.
-- The next read (db/aggregates/llm-backfill.ts) empties the aggregates and counts from the first call, in the same
-- transaction as its first chunk; until then next_id = 0 leaves every call uncounted, so reads use raw rows.
-- migrate:up
DROP TRIGGER agent_desk_llm_after_delete;
DROP TRIGGER agent_desk_llm_after_update;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log BEGIN
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log BEGIN
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
-- migrate:down
DROP TRIGGER agent_desk_llm_after_update;
DROP TRIGGER agent_desk_llm_after_delete;
-- 0007 expects a recount already begun: do what a read would have done with a mark left behind.
DELETE FROM agent_desk_llm_hourly WHERE (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') = 0;
DELETE FROM agent_desk_llm_latency WHERE (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') = 0;
DELETE FROM agent_desk_llm_errors WHERE (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') = 0;
UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM llm_usage_log) WHERE name = 'llm_usage_log' AND next_id = 0;
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
