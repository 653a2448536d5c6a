-- 0001: the central store of a fleet: each trading system's rows, their aggregates and the shippers' progress
-- Every table is keyed by `system` first, so the store can be partitioned or distributed by it later (README "More
-- than one trading system"). Rows keep the trading system's column names and values as written (times are text:
-- naive local, Z or offset, as in the file), plus their source id: the file's id (llm_usage_log and the other id
-- tables) or trade_id (a trade without one is keyed 'rowid:N'). A batch upserts on (system, source id), so a batch
-- sent twice, or rows sent again after an outage, change nothing.
-- fleet_llm_hourly is the same aggregate as the local desk's agent_desk_llm_hourly (same hour key, see
-- db/central/hour-key.ts), kept in the same transaction as each batch: added for new rows, moved for changed ones.
-- Times and keys compare as bytes (COLLATE "C"), as in SQLite, whatever the database's own collation: a key range
-- or a time bound must not depend on how a locale sorts digits, '-', 'T' and ' '.
-- The aggregates (and fleet_systems) are rewritten by every batch: half of each page is left free so an update stays
-- on its page without touching the index (a HOT update), and autovacuum tidies them after 1 % of their rows changed.
-- fleet_systems holds what each shipper last reported: how far behind it is, and the spending limits of its
-- system's agent config (the central desk has no copy of each system's YAML).
-- fleet_systems.last_seq is the newest batch applied: only the next number is applied, so a batch sent again, or
-- captured and replayed later, writes nothing and cannot undo a newer correction.
-- migrate:up
CREATE TABLE fleet_systems (
    system TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL DEFAULT 0,
    last_batch_at TIMESTAMPTZ,
    calls_behind BIGINT NOT NULL DEFAULT 0,
    source_calls_at TEXT,
    shipper TEXT,
    skipped_rows BIGINT NOT NULL DEFAULT 0,
    cost_limit_daily DOUBLE PRECISION,
    cost_limit_weekly DOUBLE PRECISION,
    cost_alert_threshold DOUBLE PRECISION,
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01);

CREATE TABLE fleet_llm_calls (
    system TEXT NOT NULL,
    id BIGINT NOT NULL,
    timestamp TEXT COLLATE "C" NOT NULL,
    agent_name TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    tokens_used BIGINT NOT NULL,
    cost_usd DOUBLE PRECISION NOT NULL,
    response_time_ms DOUBLE PRECISION NOT NULL,
    request_type TEXT NOT NULL,
    success BOOLEAN NOT NULL,
    error_message TEXT,
    created_at TEXT,
    hour TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (system, id)
);
-- The calls of an hour: the partial hours at a period's edges are read from raw calls.
CREATE INDEX fleet_llm_calls_hour ON fleet_llm_calls (system, hour);

CREATE TABLE fleet_llm_hourly (
    system TEXT NOT NULL,
    hour TEXT COLLATE "C" NOT NULL,
    agent_name TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    request_type TEXT NOT NULL,
    calls BIGINT NOT NULL,
    successes BIGINT NOT NULL,
    tokens BIGINT NOT NULL,
    cost_usd DOUBLE PRECISION NOT NULL,
    latency_ms_sum DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (system, hour, agent_name, provider, model, request_type)
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01);

-- Per system and key, the totals the fleet overview sums: hour keys ('2026-12-01T09', 'U…T00') and day keys
-- ('2026-12-01', 'U2026-12-01') in one table, told apart by their length; calls whose time is no time ('?') are in
-- no window and not here. A year of a system is 365 day rows, not 8,760 hours × every agent and model.
CREATE TABLE fleet_llm_totals (
    system TEXT NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    calls BIGINT NOT NULL,
    successes BIGINT NOT NULL,
    tokens BIGINT NOT NULL,
    cost_usd DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (system, key)
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01);

-- Trades keep their day key (as the LLM calls' hour key: the local desk's definition) for their aggregates.
CREATE TABLE fleet_trades (
    system TEXT NOT NULL,
    source_id TEXT NOT NULL,
    trade_id TEXT,
    timestamp TEXT COLLATE "C" NOT NULL,
    ticker TEXT NOT NULL,
    action TEXT NOT NULL,
    quantity BIGINT NOT NULL,
    price DOUBLE PRECISION NOT NULL,
    justification_text TEXT NOT NULL,
    market_snapshot TEXT NOT NULL,
    portfolio_before TEXT NOT NULL,
    pnl_7_days DOUBLE PRECISION,
    pnl_30_days DOUBLE PRECISION,
    agent_contributions TEXT,
    decision_confidence DOUBLE PRECISION,
    analysis_metadata TEXT,
    created_at TEXT,
    day TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (system, source_id)
);
CREATE INDEX fleet_trades_day ON fleet_trades (system, day);

-- Per system and day: the trades and, over those with a 7-day PnL, its sum, wins and losses; per agent, the Python
-- analysis' sums (trades involved, contribution × PnL when positive, contribution × |PnL| otherwise). Kept by the
-- batch that changes a trade, from the contributions as the local desk reads them (Python JSON, NaN included).
CREATE TABLE fleet_trade_days (
    system TEXT NOT NULL,
    day TEXT COLLATE "C" NOT NULL,
    trades BIGINT NOT NULL,
    with_pnl BIGINT NOT NULL,
    pnl DOUBLE PRECISION NOT NULL,
    wins BIGINT NOT NULL,
    losses BIGINT NOT NULL,
    PRIMARY KEY (system, day)
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01);
CREATE TABLE fleet_trade_agent_days (
    system TEXT NOT NULL,
    day TEXT COLLATE "C" NOT NULL,
    agent_name TEXT NOT NULL,
    trades BIGINT NOT NULL,
    positive DOUBLE PRECISION NOT NULL,
    negative DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (system, day, agent_name)
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.01);

CREATE TABLE fleet_agent_performance (
    system TEXT NOT NULL,
    id BIGINT NOT NULL,
    agent_name TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    total_decisions BIGINT NOT NULL,
    successful_decisions BIGINT NOT NULL,
    avg_contribution_score DOUBLE PRECISION NOT NULL,
    performance_rating DOUBLE PRECISION NOT NULL,
    wins BIGINT NOT NULL,
    losses BIGINT NOT NULL,
    total_pnl_attributed DOUBLE PRECISION NOT NULL,
    confidence_accuracy DOUBLE PRECISION NOT NULL,
    created_at TEXT,
    PRIMARY KEY (system, id)
);

CREATE TABLE fleet_system_metrics (
    system TEXT NOT NULL,
    id BIGINT NOT NULL,
    date TEXT NOT NULL,
    total_trades BIGINT NOT NULL,
    win_rate DOUBLE PRECISION NOT NULL,
    total_pnl DOUBLE PRECISION NOT NULL,
    total_cost_usd DOUBLE PRECISION NOT NULL,
    avg_decision_time_seconds DOUBLE PRECISION NOT NULL,
    agent_efficiency_score DOUBLE PRECISION NOT NULL,
    model_diversity_index DOUBLE PRECISION NOT NULL,
    auto_improvements BIGINT NOT NULL,
    human_interventions BIGINT NOT NULL,
    created_at TEXT,
    PRIMARY KEY (system, id)
);

CREATE TABLE fleet_model_swaps (
    system TEXT NOT NULL,
    id BIGINT NOT NULL,
    timestamp TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    old_provider TEXT NOT NULL,
    old_model TEXT NOT NULL,
    new_provider TEXT NOT NULL,
    new_model TEXT NOT NULL,
    reason TEXT NOT NULL,
    performance_improvement DOUBLE PRECISION NOT NULL,
    triggered_by TEXT NOT NULL,
    validation_period_days BIGINT,
    rollback_threshold DOUBLE PRECISION,
    created_at TEXT,
    PRIMARY KEY (system, id)
);

-- Swaps and rollbacks an operator recorded on the central desk, waiting for their system's shipper to apply them to
-- the trading file and its YAML (the central desk never reaches into a trading host). request_id is the local
-- desk's idempotency key: a shipper that applied a request and died before acknowledging it applies it again
-- harmlessly, the local swap log finds the first one.
CREATE TABLE fleet_swap_requests (
    system TEXT NOT NULL,
    request_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('swap', 'rollback')),
    agent_name TEXT NOT NULL,
    new_provider TEXT,
    new_model TEXT,
    reason TEXT,
    performance_improvement DOUBLE PRECISION,
    validation_period_days BIGINT,
    rollback_threshold DOUBLE PRECISION,
    rollback_of BIGINT,
    requested_by TEXT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_at TIMESTAMPTZ,
    outcome TEXT,
    history_id BIGINT,
    PRIMARY KEY (system, request_id)
);
CREATE INDEX fleet_swap_requests_pending ON fleet_swap_requests (system, requested_at) WHERE applied_at IS NULL;
-- migrate:down
DROP TABLE fleet_swap_requests;
DROP TABLE fleet_model_swaps;
DROP TABLE fleet_system_metrics;
DROP TABLE fleet_agent_performance;
DROP TABLE fleet_trade_agent_days;
DROP TABLE fleet_trade_days;
DROP TABLE fleet_trades;
DROP TABLE fleet_llm_totals;
DROP TABLE fleet_llm_hourly;
DROP TABLE fleet_llm_calls;
DROP TABLE fleet_systems;
