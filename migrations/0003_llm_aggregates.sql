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
-- The triggers run inside the trading system's own INSERTs (a few index writes each; the cost is measured by
--   npm run bench). They can never fail an INSERT: plain arithmetic and string functions, UPSERT (SQLite 3.24+).
-- Rows that were already in the file are added by a resumable backfill in short transactions (npm start runs it,
--   with progress): agent_desk_backfill.next_id is its cursor and last_id the newest row it must cover; rows with
--   a higher id are counted by the insert trigger, so nothing is counted twice and the writer is never blocked long.
--   An inserted row always has a higher id (AUTOINCREMENT), so the insert trigger, the one on the trading system's
--   path, needs no condition; deletes and updates only count rows the backfill has already added.
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
    INSERT INTO agent_desk_llm_hourly (hour, agent_name, provider, model, request_type, calls, successes, tokens, cost_usd, latency_ms_sum)
    SELECT CASE
        WHEN NEW.timestamp GLOB '*Z' OR NEW.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', NEW.timestamp), '?')
        WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(NEW.timestamp, 1, 10) || 'T' || substr(NEW.timestamp, 12, 2)
        ELSE '?' END, NEW.agent_name, NEW.provider, NEW.model, NEW.request_type,
           1, (NEW.success = 1), NEW.tokens_used, NEW.cost_usd, NEW.response_time_ms
    WHERE true
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, successes = successes + excluded.successes,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum;
    INSERT INTO agent_desk_llm_latency (day, agent_name, provider, model, request_type, bucket, calls)
    SELECT CASE
        WHEN NEW.timestamp GLOB '*Z' OR NEW.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%d', NEW.timestamp), '?')
        WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(NEW.timestamp, 1, 10)
        ELSE '?' END, NEW.agent_name, NEW.provider, NEW.model, NEW.request_type, (length(CAST(CAST(NEW.response_time_ms AS INTEGER) AS TEXT)) * 100 + CAST(substr(CAST(CAST(NEW.response_time_ms AS INTEGER) AS TEXT), 1, 2) AS INTEGER)), 1
    WHERE true
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
    INSERT INTO agent_desk_llm_errors (hour, agent_name, provider, model, error_message, calls)
    SELECT CASE
        WHEN NEW.timestamp GLOB '*Z' OR NEW.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', NEW.timestamp), '?')
        WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(NEW.timestamp, 1, 10) || 'T' || substr(NEW.timestamp, 12, 2)
        ELSE '?' END, NEW.agent_name, NEW.provider, NEW.model, coalesce(NEW.error_message, ''), 1
    WHERE NEW.success = 0
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
END;
CREATE TRIGGER agent_desk_llm_after_delete AFTER DELETE ON llm_usage_log
BEGIN
    INSERT INTO agent_desk_llm_hourly (hour, agent_name, provider, model, request_type, calls, successes, tokens, cost_usd, latency_ms_sum)
    SELECT CASE
        WHEN OLD.timestamp GLOB '*Z' OR OLD.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', OLD.timestamp), '?')
        WHEN OLD.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(OLD.timestamp, 1, 10) || 'T' || substr(OLD.timestamp, 12, 2)
        ELSE '?' END, OLD.agent_name, OLD.provider, OLD.model, OLD.request_type,
           -1, -(OLD.success = 1), -OLD.tokens_used, -OLD.cost_usd, -OLD.response_time_ms
    WHERE (OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, successes = successes + excluded.successes,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum;
    INSERT INTO agent_desk_llm_latency (day, agent_name, provider, model, request_type, bucket, calls)
    SELECT CASE
        WHEN OLD.timestamp GLOB '*Z' OR OLD.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%d', OLD.timestamp), '?')
        WHEN OLD.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(OLD.timestamp, 1, 10)
        ELSE '?' END, OLD.agent_name, OLD.provider, OLD.model, OLD.request_type, (length(CAST(CAST(OLD.response_time_ms AS INTEGER) AS TEXT)) * 100 + CAST(substr(CAST(CAST(OLD.response_time_ms AS INTEGER) AS TEXT), 1, 2) AS INTEGER)), -1
    WHERE (OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
    INSERT INTO agent_desk_llm_errors (hour, agent_name, provider, model, error_message, calls)
    SELECT CASE
        WHEN OLD.timestamp GLOB '*Z' OR OLD.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', OLD.timestamp), '?')
        WHEN OLD.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(OLD.timestamp, 1, 10) || 'T' || substr(OLD.timestamp, 12, 2)
        ELSE '?' END, OLD.agent_name, OLD.provider, OLD.model, coalesce(OLD.error_message, ''), -1
    WHERE OLD.success = 0 AND (OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
END;
CREATE TRIGGER agent_desk_llm_after_update AFTER UPDATE ON llm_usage_log
BEGIN
    INSERT INTO agent_desk_llm_hourly (hour, agent_name, provider, model, request_type, calls, successes, tokens, cost_usd, latency_ms_sum)
    SELECT CASE
        WHEN OLD.timestamp GLOB '*Z' OR OLD.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', OLD.timestamp), '?')
        WHEN OLD.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(OLD.timestamp, 1, 10) || 'T' || substr(OLD.timestamp, 12, 2)
        ELSE '?' END, OLD.agent_name, OLD.provider, OLD.model, OLD.request_type,
           -1, -(OLD.success = 1), -OLD.tokens_used, -OLD.cost_usd, -OLD.response_time_ms
    WHERE (OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, successes = successes + excluded.successes,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum;
    INSERT INTO agent_desk_llm_latency (day, agent_name, provider, model, request_type, bucket, calls)
    SELECT CASE
        WHEN OLD.timestamp GLOB '*Z' OR OLD.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%d', OLD.timestamp), '?')
        WHEN OLD.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(OLD.timestamp, 1, 10)
        ELSE '?' END, OLD.agent_name, OLD.provider, OLD.model, OLD.request_type, (length(CAST(CAST(OLD.response_time_ms AS INTEGER) AS TEXT)) * 100 + CAST(substr(CAST(CAST(OLD.response_time_ms AS INTEGER) AS TEXT), 1, 2) AS INTEGER)), -1
    WHERE (OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
    INSERT INTO agent_desk_llm_hourly (hour, agent_name, provider, model, request_type, calls, successes, tokens, cost_usd, latency_ms_sum)
    SELECT CASE
        WHEN NEW.timestamp GLOB '*Z' OR NEW.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', NEW.timestamp), '?')
        WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(NEW.timestamp, 1, 10) || 'T' || substr(NEW.timestamp, 12, 2)
        ELSE '?' END, NEW.agent_name, NEW.provider, NEW.model, NEW.request_type,
           1, (NEW.success = 1), NEW.tokens_used, NEW.cost_usd, NEW.response_time_ms
    WHERE (NEW.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR NEW.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls, successes = successes + excluded.successes,
      tokens = tokens + excluded.tokens, cost_usd = cost_usd + excluded.cost_usd, latency_ms_sum = latency_ms_sum + excluded.latency_ms_sum;
    INSERT INTO agent_desk_llm_latency (day, agent_name, provider, model, request_type, bucket, calls)
    SELECT CASE
        WHEN NEW.timestamp GLOB '*Z' OR NEW.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%d', NEW.timestamp), '?')
        WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(NEW.timestamp, 1, 10)
        ELSE '?' END, NEW.agent_name, NEW.provider, NEW.model, NEW.request_type, (length(CAST(CAST(NEW.response_time_ms AS INTEGER) AS TEXT)) * 100 + CAST(substr(CAST(CAST(NEW.response_time_ms AS INTEGER) AS TEXT), 1, 2) AS INTEGER)), 1
    WHERE (NEW.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR NEW.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
    INSERT INTO agent_desk_llm_errors (hour, agent_name, provider, model, error_message, calls)
    SELECT CASE
        WHEN OLD.timestamp GLOB '*Z' OR OLD.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', OLD.timestamp), '?')
        WHEN OLD.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(OLD.timestamp, 1, 10) || 'T' || substr(OLD.timestamp, 12, 2)
        ELSE '?' END, OLD.agent_name, OLD.provider, OLD.model, coalesce(OLD.error_message, ''), -1
    WHERE OLD.success = 0 AND (OLD.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR OLD.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
    INSERT INTO agent_desk_llm_errors (hour, agent_name, provider, model, error_message, calls)
    SELECT CASE
        WHEN NEW.timestamp GLOB '*Z' OR NEW.timestamp GLOB '????-??-??[T ]??:??*[+-]??*'
          THEN coalesce('U' || strftime('%Y-%m-%dT%H', NEW.timestamp), '?')
        WHEN NEW.timestamp GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*'
          THEN substr(NEW.timestamp, 1, 10) || 'T' || substr(NEW.timestamp, 12, 2)
        ELSE '?' END, NEW.agent_name, NEW.provider, NEW.model, coalesce(NEW.error_message, ''), 1
    WHERE NEW.success = 0 AND (NEW.id < (SELECT next_id FROM agent_desk_backfill WHERE name = 'llm_usage_log') OR NEW.id > (SELECT last_id FROM agent_desk_backfill WHERE name = 'llm_usage_log'))
    ON CONFLICT DO UPDATE SET calls = calls + excluded.calls;
END;
-- migrate:down
DROP TRIGGER agent_desk_llm_after_update;
DROP TRIGGER agent_desk_llm_after_delete;
DROP TRIGGER agent_desk_llm_after_insert;
DROP TABLE agent_desk_backfill;
DROP TABLE agent_desk_llm_errors;
DROP TABLE agent_desk_llm_latency;
DROP TABLE agent_desk_llm_hourly;
