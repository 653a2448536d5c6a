-- 0006: trade aggregates, so pages never parse every trade's JSON again on each request
-- The trade side cannot be summed by triggers the way the LLM log is: contributions are JSON that Python writes
-- with NaN and Infinity, which the trading system's SQLite (3.40) cannot parse. So triggers only note which trades
-- changed, and Agent Desk derives their facts in JavaScript before each read (db/aggregates/trade-facts.ts):
-- agent_desk_trade_changes: rowids of trades inserted, updated (a 7-day PnL arriving) or deleted since Agent Desk
--   last read them; every trade already in the file is queued here once, and npm start works the queue off with
--   progress. A trade insert or PnL update pays one tiny INSERT; trades are rare next to LLM calls.
-- agent_desk_trades: one row per trade: its instant (NULL when its time cannot be read), its calendar day in
--   DATA_TIMEZONE, 7-day PnL, CIO confidence, whether its contributions could be read (0 none, 1 an object,
--   2 unreadable), how many contributions are not finite numbers, and which JSON columns hold NaN/Infinity or are
--   broken (bit masks, in the order agent_contributions, analysis_metadata, market_snapshot, portfolio_before).
-- agent_desk_trade_contributions: each finite contribution of a trade, per agent.
-- agent_desk_trade_days and agent_desk_trade_agent_days: per calendar day (and agent) sums of the trades whose
--   7-day PnL is known, recomputed from the rows above for every day a change touches, so they always equal a
--   rebuild from scratch. Pages add whole days from here and the partial days at a period's edges from the rows.
-- agent_desk_trade_zone: the DATA_TIMEZONE the days were cut in; another zone (or trades renumbered by a VACUUM
--   after a delete) queues every trade again.
-- migrate:up
CREATE TABLE agent_desk_trade_changes (trade_rowid INTEGER PRIMARY KEY);
INSERT INTO agent_desk_trade_changes SELECT rowid FROM trades;
CREATE TRIGGER agent_desk_trade_after_insert AFTER INSERT ON trades
BEGIN INSERT OR IGNORE INTO agent_desk_trade_changes VALUES (NEW.rowid); END;
CREATE TRIGGER agent_desk_trade_after_update AFTER UPDATE ON trades
BEGIN INSERT OR IGNORE INTO agent_desk_trade_changes VALUES (OLD.rowid), (NEW.rowid); END;
CREATE TRIGGER agent_desk_trade_after_delete AFTER DELETE ON trades
BEGIN INSERT OR IGNORE INTO agent_desk_trade_changes VALUES (OLD.rowid); END;
CREATE TABLE agent_desk_trades (
    trade_rowid INTEGER PRIMARY KEY,
    event_ms INTEGER,
    day TEXT,
    pnl_7_days REAL,
    decision_confidence REAL,
    contributions INTEGER NOT NULL,
    non_numeric INTEGER NOT NULL,
    nan_json INTEGER NOT NULL,
    broken_json INTEGER NOT NULL
);
CREATE INDEX agent_desk_trades_time ON agent_desk_trades(event_ms);
CREATE INDEX agent_desk_trades_day ON agent_desk_trades(day);
CREATE TABLE agent_desk_trade_contributions (
    trade_rowid INTEGER NOT NULL,
    agent_name TEXT NOT NULL,
    contribution REAL NOT NULL,
    PRIMARY KEY (trade_rowid, agent_name)
) WITHOUT ROWID;
CREATE TABLE agent_desk_trade_days (
    day TEXT PRIMARY KEY,
    trades INTEGER NOT NULL,
    with_pnl INTEGER NOT NULL,
    pnl REAL NOT NULL,
    wins INTEGER NOT NULL,
    losses INTEGER NOT NULL,
    analysed INTEGER NOT NULL,
    unreadable INTEGER NOT NULL,
    non_numeric INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE agent_desk_trade_agent_days (
    day TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    trades INTEGER NOT NULL,
    contribution REAL NOT NULL,
    positive REAL NOT NULL,
    negative REAL NOT NULL,
    weighted_pnl REAL NOT NULL,
    confidence_sum REAL NOT NULL,
    confidence_count INTEGER NOT NULL,
    PRIMARY KEY (day, agent_name)
) WITHOUT ROWID;
CREATE TABLE agent_desk_trade_zone (time_zone TEXT NOT NULL);
-- migrate:down
DROP TABLE agent_desk_trade_zone;
DROP TABLE agent_desk_trade_agent_days;
DROP TABLE agent_desk_trade_days;
DROP TABLE agent_desk_trade_contributions;
DROP TABLE agent_desk_trades;
DROP TRIGGER agent_desk_trade_after_delete;
DROP TRIGGER agent_desk_trade_after_update;
DROP TRIGGER agent_desk_trade_after_insert;
DROP TABLE agent_desk_trade_changes;
