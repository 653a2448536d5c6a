-- 0010: a corrected or deleted LLM call is recounted where it was, not by counting the whole log again
-- Measured: after 0008's mark (next_id = 0) one corrected call made every page read raw rows until the whole log was
-- counted again: /costs?days=30 went from 49 ms to 2.4 s on 2M calls, to 23 s on 10M. Now the update and delete
-- triggers note the call's old id and time (and the new ones, for an update) in agent_desk_llm_corrections, still
-- one statement each (every new trading-system connection parses them). Agent Desk's background count
-- (db/aggregates/llm-corrections.ts) turns each noted call into the hour and day keys it left and entered
-- (agent_desk_llm_dirty), then counts each such hour and day again from its own raw rows: a few thousand rows, not
-- the log. A call whose time is not a time at all ('?' keys, found by no index) still marks the whole log.
-- migrate:up
CREATE TABLE agent_desk_llm_corrections (old_id INTEGER NOT NULL, old_time TEXT, new_id INTEGER, new_time TEXT);
CREATE TABLE agent_desk_llm_dirty (key TEXT PRIMARY KEY) WITHOUT ROWID;
DROP TRIGGER agent_desk_llm_after_delete;
DROP TRIGGER agent_desk_llm_after_update;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log BEGIN
INSERT INTO agent_desk_llm_corrections SELECT OLD.id, OLD.timestamp, NULL, NULL FROM agent_desk_backfill WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log BEGIN
INSERT INTO agent_desk_llm_corrections SELECT OLD.id, OLD.timestamp, NEW.id, NEW.timestamp FROM agent_desk_backfill WHERE name = 'llm_usage_log' AND (OLD.id < next_id OR NEW.id < next_id); END;
-- migrate:down
DROP TRIGGER agent_desk_llm_after_update;
DROP TRIGGER agent_desk_llm_after_delete;
-- 0008 knows no pending corrections: anything still noted becomes its mark for a whole recount.
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log'
  AND (EXISTS (SELECT 1 FROM agent_desk_llm_corrections) OR EXISTS (SELECT 1 FROM agent_desk_llm_dirty));
DROP TABLE agent_desk_llm_dirty;
DROP TABLE agent_desk_llm_corrections;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log BEGIN
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log BEGIN
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
