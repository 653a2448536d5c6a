-- 0004: an index of the LLM log's zoned event times by instant, so a period's edge hours are read exactly without a band scan
-- Event times written with Z or an offset (about 1 % of rows, from other writers) sort as text by their own
-- wall-clock, up to 14 h from the instant they stand for; without this index, reading the calls of one partial hour
-- at a period's edge meant scanning ±15 h of rows to find them. The index holds only those rows (a partial index:
-- the trading system's naive times add one string test per INSERT, no index entry), keyed by julianday(), which
-- SQLite 3.40 (the trading system's) has; readers narrow with it and then compare exactly by unixepoch().
-- migrate:up
CREATE INDEX agent_desk_llm_zoned_time ON llm_usage_log (julianday(timestamp)) WHERE substr(timestamp, 17) GLOB '*[Z+-]*';
-- migrate:down
DROP INDEX agent_desk_llm_zoned_time;
