-- 0009: less of Agent Desk in every trading-system connection: zoned times listed by the count, new trades found by rowid
-- Measured (npm run bench): each new connection of the trading system parses the whole schema before its INSERT,
-- about 4 µs per trigger, 2–7 µs per index and table; a partial index on llm_usage_log is also tested and written
-- inside every INSERT. So the objects that served only Agent Desk's reads move out of the trading system's way:
-- agent_desk_llm_zoned replaces 0004's partial index: the instant (unixepoch ms) and id of each counted call written
--   with Z or an offset, filled by the same count as the aggregates (db/aggregates/llm-backfill.ts), emptied with
--   them. A period's edges find those calls through it (calls not yet counted by id), then compare each exactly.
-- The trade insert trigger goes: a new trade always takes a rowid above every trade there is, so before each read
--   Agent Desk queues the rowids above every trade it has read or queued (a delete of the newest trade is queued by
--   the delete trigger, so a rowid reused after it is read again too). Updates and deletes keep their triggers.
-- idx_agent_desk_reviews_agent goes: the reviews page reads every review (a few per agent) in one pass.
-- migrate:up
DROP INDEX agent_desk_llm_zoned_time;
CREATE TABLE agent_desk_llm_zoned (instant_ms REAL NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (instant_ms, id)) WITHOUT ROWID;
INSERT INTO agent_desk_llm_zoned SELECT unixepoch(timestamp, 'subsec') * 1000, id FROM llm_usage_log
WHERE id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log')
  AND substr(timestamp, 17) GLOB '*[Z+-]*' AND unixepoch(timestamp, 'subsec') IS NOT NULL;
DROP TRIGGER agent_desk_trade_after_insert;
DROP INDEX idx_agent_desk_reviews_agent;
-- migrate:down
CREATE INDEX idx_agent_desk_reviews_agent ON agent_desk_reviews(agent_name, reviewed_at);
INSERT OR IGNORE INTO agent_desk_trade_changes SELECT rowid FROM trades WHERE rowid > (SELECT coalesce(max(trade_rowid), 0) FROM agent_desk_trades);
CREATE TRIGGER agent_desk_trade_after_insert AFTER INSERT ON trades
BEGIN INSERT OR IGNORE INTO agent_desk_trade_changes VALUES (NEW.rowid); END;
DROP TABLE agent_desk_llm_zoned;
CREATE INDEX agent_desk_llm_zoned_time ON llm_usage_log (julianday(timestamp)) WHERE substr(timestamp, 17) GLOB '*[Z+-]*';
