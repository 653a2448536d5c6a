-- 0010: corrected LLM calls recounted where they were, and a file adopted newest day first
-- Measured: after 0008's mark (next_id = 0) one corrected call made every page read raw rows until the whole log was
-- counted again: /costs?days=30 went from 49 ms to 2.4 s on 2M calls, to 23 s on 10M. Now the update and delete
-- triggers note the call's old id and time (and the new ones, for an update) in agent_desk_llm_corrections, still
-- one statement each (every new trading-system connection parses them). Agent Desk's background count
-- (db/aggregates/llm-corrections.ts) turns each note into the hour and day keys it left and entered
-- (agent_desk_llm_dirty), then counts each such hour and day again from its own raw rows: a few thousand rows.
-- Adopting a file (db/aggregates/llm-adoption.ts): the calls already in it, those below adopt_below, are counted by
-- their time, newest first, so the recent periods pages ask for are ready within seconds: adopt_from is the lowest
-- text every date-shaped time at or above it has been counted from (NULL: none yet, '': all of them), then the
-- calls whose time is no date are counted by id up to adopt_odd. adopt_below = 0: nothing is left to adopt. New
-- calls are counted from next_id up as before. A file nothing has counted yet is adopted this way from here on.
-- migrate:up
CREATE TABLE agent_desk_llm_corrections (old_id INTEGER NOT NULL, old_time TEXT, new_id INTEGER, new_time TEXT);
CREATE TABLE agent_desk_llm_dirty (key TEXT PRIMARY KEY) WITHOUT ROWID;
ALTER TABLE agent_desk_backfill ADD COLUMN adopt_below INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_desk_backfill ADD COLUMN adopt_from TEXT;
ALTER TABLE agent_desk_backfill ADD COLUMN adopt_odd INTEGER NOT NULL DEFAULT 0;
UPDATE agent_desk_backfill SET adopt_below = (SELECT max(id) + 1 FROM llm_usage_log), next_id = (SELECT max(id) + 1 FROM llm_usage_log),
    adopt_odd = (SELECT min(id) FROM llm_usage_log)
WHERE name = 'llm_usage_log' AND EXISTS (SELECT 1 FROM llm_usage_log) AND next_id <= (SELECT min(id) FROM llm_usage_log);
DROP TRIGGER agent_desk_llm_after_delete;
DROP TRIGGER agent_desk_llm_after_update;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log BEGIN
INSERT INTO agent_desk_llm_corrections SELECT OLD.id, OLD.timestamp, NULL, NULL FROM agent_desk_backfill WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log BEGIN
INSERT INTO agent_desk_llm_corrections SELECT OLD.id, OLD.timestamp, NEW.id, NEW.timestamp FROM agent_desk_backfill WHERE name = 'llm_usage_log' AND (OLD.id < next_id OR NEW.id < next_id); END;
-- migrate:down
DROP TRIGGER agent_desk_llm_after_update;
DROP TRIGGER agent_desk_llm_after_delete;
-- 0008 knows neither corrections nor adoption: anything pending becomes its mark for a whole recount.
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log'
  AND (adopt_below > 0 OR EXISTS (SELECT 1 FROM agent_desk_llm_corrections) OR EXISTS (SELECT 1 FROM agent_desk_llm_dirty));
ALTER TABLE agent_desk_backfill DROP COLUMN adopt_odd;
ALTER TABLE agent_desk_backfill DROP COLUMN adopt_from;
ALTER TABLE agent_desk_backfill DROP COLUMN adopt_below;
DROP TABLE agent_desk_llm_dirty;
DROP TABLE agent_desk_llm_corrections;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log BEGIN
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log BEGIN
UPDATE agent_desk_backfill SET next_id = 0, resets = resets + 1 WHERE name = 'llm_usage_log' AND OLD.id < next_id; END;
