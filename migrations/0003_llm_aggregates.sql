-- 0003: LLM-log aggregates kept current by triggers, so pages never scan millions of calls
-- agent_desk_llm_hourly: per hour × agent × provider × model (as written) × request type: calls, successes,
--   tokens, cost and summed latency. agent_desk_llm_latency: per day (to stay small) and the same keys with a
--   latency bucket, for p50/p95/p99:
--   a bucket is the latency's first two digits and its digit count (length * 100 + first two digits), i.e. within
--   10 % wide, so its midpoint is within 5 % of any value in it; string functions only, which every SQLite has.
-- agent_desk_llm_errors: failed calls per hour × agent × provider × model × error message ('' when none).
-- The hour key: naive times (the trading system's) keep their own wall-clock hour, 'YYYY-MM-DDTHH', read in
--   DATA_TIMEZONE by Agent Desk; times with Z or an offset are keyed by their UTC hour, 'U' || 'YYYY-MM-DDTHH';
--   text that is not a time goes to '?'; the latency table's day key works the same way. Pages add whole hours
--   (days for latency) from here and read the partial ones at a period's edges from raw rows.
-- The insert trigger runs inside the trading system's own INSERTs: three small upserts, string functions only
--   (every SQLite has them), nothing that can fail its INSERT; its text is kept short because every new Python
--   connection parses the whole schema (npm run bench measures the added cost per insert).
-- Rows already in the file are added by a resumable backfill in short transactions (npm start runs it with
--   progress, the server continues it in the background): agent_desk_backfill.next_id is its cursor and last_id
--   the newest row it must cover; newer rows (always a higher id, AUTOINCREMENT) are counted by the insert trigger.
-- The trading system never deletes or updates its LLM log. If anyone does, to a row already counted, the
--   aggregates are emptied and the backfill starts over: pages read raw rows (exact, slower) until it is done.
--   That keeps those two triggers tiny, instead of subtracting through the same keys on every row.
-- migrate:up
CREATE TABLE agent_desk_llm_hourly (
    hour TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    request_type TEXT NOT NULL,
    calls INTEGER NOT NULL,
    successes INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    latency_ms_sum REAL NOT NULL,
    PRIMARY KEY (hour, agent_name, provider, model, request_type)
) WITHOUT ROWID;
CREATE TABLE agent_desk_llm_latency (
    day TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    request_type TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    calls INTEGER NOT NULL,
    PRIMARY KEY (day, agent_name, provider, model, request_type, bucket)
) WITHOUT ROWID;
CREATE TABLE agent_desk_llm_errors (
    hour TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    error_message TEXT NOT NULL,
    calls INTEGER NOT NULL,
    PRIMARY KEY (hour, agent_name, provider, model, error_message)
) WITHOUT ROWID;
CREATE TABLE agent_desk_backfill (
    name TEXT PRIMARY KEY,
    next_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL
);
INSERT INTO agent_desk_backfill (name, next_id, last_id)
    SELECT 'llm_usage_log', coalesce(min(id), 1), coalesce(max(id), 0) FROM llm_usage_log;
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
-- migrate:down
DROP TRIGGER agent_desk_llm_after_update;
DROP TRIGGER agent_desk_llm_after_delete;
DROP TRIGGER agent_desk_llm_after_insert;
DROP TABLE agent_desk_backfill;
DROP TABLE agent_desk_llm_errors;
DROP TABLE agent_desk_llm_latency;
DROP TABLE agent_desk_llm_hourly;
