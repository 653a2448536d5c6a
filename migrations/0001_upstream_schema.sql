-- 0001: the trading system's own schema, exactly as its Python DatabaseManager creates it
-- On a file the trading system made, every statement is a no-op (IF NOT EXISTS / OR IGNORE): its rows stay
-- untouched. On a new path it creates the full schema, which the trading system's own migration never did.
-- It is the baseline: no down part, because undoing it would drop the trading system's tables, and no extra
-- schema_version row, because its INSERT OR IGNORE of version 1 is the trading system's own.
-- migrate:baseline
-- migrate:up
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT DEFAULT CURRENT_TIMESTAMP,
    description TEXT
);
CREATE TABLE IF NOT EXISTS trades (
    trade_id TEXT PRIMARY KEY,
    timestamp TEXT NOT NULL,
    ticker TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('buy', 'sell')),
    quantity INTEGER NOT NULL,
    price REAL NOT NULL,
    justification_text TEXT NOT NULL,
    market_snapshot TEXT NOT NULL,
    portfolio_before TEXT NOT NULL,
    pnl_7_days REAL,
    pnl_30_days REAL,
    agent_contributions TEXT,
    decision_confidence REAL,
    analysis_metadata TEXT,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS agent_performance (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_name TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    total_decisions INTEGER NOT NULL,
    successful_decisions INTEGER NOT NULL,
    avg_contribution_score REAL NOT NULL,
    performance_rating REAL NOT NULL,
    wins INTEGER NOT NULL,
    losses INTEGER NOT NULL,
    total_pnl_attributed REAL NOT NULL,
    confidence_accuracy REAL NOT NULL,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP,
    UNIQUE(agent_name, period_start, period_end)
);
CREATE TABLE IF NOT EXISTS llm_usage_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    provider TEXT NOT NULL CHECK (provider IN ('claude', 'gpt', 'gemini', 'perplexity')),
    model TEXT NOT NULL,
    tokens_used INTEGER NOT NULL,
    cost_usd REAL NOT NULL,
    response_time_ms REAL NOT NULL,
    request_type TEXT NOT NULL,
    success BOOLEAN NOT NULL,
    error_message TEXT,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS model_evolution_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    agent_name TEXT NOT NULL,
    old_provider TEXT NOT NULL,
    old_model TEXT NOT NULL,
    new_provider TEXT NOT NULL,
    new_model TEXT NOT NULL,
    reason TEXT NOT NULL,
    performance_improvement REAL NOT NULL,
    triggered_by TEXT NOT NULL CHECK (triggered_by IN ('automatic', 'manual', 'scheduled')),
    validation_period_days INTEGER DEFAULT 7,
    rollback_threshold REAL DEFAULT -0.1,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS system_metrics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL UNIQUE,
    total_trades INTEGER NOT NULL,
    win_rate REAL NOT NULL,
    total_pnl REAL NOT NULL,
    total_cost_usd REAL NOT NULL,
    avg_decision_time_seconds REAL NOT NULL,
    agent_efficiency_score REAL NOT NULL,
    model_diversity_index REAL NOT NULL,
    auto_improvements INTEGER NOT NULL,
    human_interventions INTEGER NOT NULL,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS idx_trades_timestamp ON trades(timestamp);
CREATE INDEX IF NOT EXISTS idx_trades_ticker ON trades(ticker);
CREATE INDEX IF NOT EXISTS idx_trades_action ON trades(action);
CREATE INDEX IF NOT EXISTS idx_trades_pnl_7_days ON trades(pnl_7_days);
CREATE INDEX IF NOT EXISTS idx_trades_pnl_30_days ON trades(pnl_30_days);
CREATE INDEX IF NOT EXISTS idx_agent_performance_agent ON agent_performance(agent_name);
CREATE INDEX IF NOT EXISTS idx_agent_performance_period ON agent_performance(period_start, period_end);
CREATE INDEX IF NOT EXISTS idx_llm_usage_agent ON llm_usage_log(agent_name);
CREATE INDEX IF NOT EXISTS idx_llm_usage_provider ON llm_usage_log(provider);
CREATE INDEX IF NOT EXISTS idx_llm_usage_timestamp ON llm_usage_log(timestamp);
CREATE INDEX IF NOT EXISTS idx_model_evolution_agent ON model_evolution_history(agent_name);
CREATE INDEX IF NOT EXISTS idx_model_evolution_timestamp ON model_evolution_history(timestamp);
CREATE INDEX IF NOT EXISTS idx_system_metrics_date ON system_metrics(date);
INSERT OR IGNORE INTO schema_version (version, description)
    VALUES (1, 'Initial Phase 3 schema with agent performance tracking');
