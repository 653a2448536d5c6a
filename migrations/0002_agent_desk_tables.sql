-- 0002: Agent Desk's own tables: the swap audit trail and the review notes
-- Kept beside the trading system's tables, never inside them, and prefixed so nobody mistakes them for its own.
-- agent_desk_swap_audit: who recorded each swap or rollback through Agent Desk and whether the agent config
--   file was rewritten; one row per model_evolution_history row Agent Desk wrote. rollback_of is UNIQUE so the
--   same swap cannot be rolled back twice, even by two operators at the same moment.
-- agent_desk_reviews: the operators' "Mark reviewed" notes on underperforming agents, with the score they saw.
-- No foreign keys, like the trading system's own tables: it deletes nothing, and Agent Desk must not make it fail.
-- migrate:up
CREATE TABLE agent_desk_swap_audit (
    evolution_id INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    acted_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    rollback_of INTEGER UNIQUE,
    config_written INTEGER NOT NULL DEFAULT 0 CHECK (config_written IN (0, 1)),
    config_note TEXT
);
CREATE TABLE agent_desk_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_name TEXT NOT NULL,
    note TEXT NOT NULL,
    actor TEXT NOT NULL,
    efficiency_score REAL,
    reviewed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_agent_desk_reviews_agent ON agent_desk_reviews(agent_name, reviewed_at);
-- migrate:down
DROP INDEX idx_agent_desk_reviews_agent;
DROP TABLE agent_desk_reviews;
DROP TABLE agent_desk_swap_audit;
