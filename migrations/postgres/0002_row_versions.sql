-- 0002: every row says which of its system's batches last wrote it, and deletions leave a tombstone, so a reader can
-- follow a system's changes in order: the central desk keeps one read replica per system with them (the local desk's
-- own pages, queries and aggregates run over it: db/replica/).
-- fleet_systems.version counts the batches (and OTLP exports) applied to a system. It moves under the system row's
-- lock that already orders them, so versions commit in order: a reader that sees version V sees every row of V and
-- before. Rows written before this migration keep version 0 and are read by a new replica's first pass.
-- agent_config is the system's agent config (YAML) as its shipper last read it, for the pages that show the models.
-- migrate:up
ALTER TABLE fleet_systems ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fleet_systems ADD COLUMN agent_config TEXT;
ALTER TABLE fleet_llm_calls ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fleet_trades ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fleet_agent_performance ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fleet_system_metrics ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE fleet_model_swaps ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX fleet_llm_calls_version ON fleet_llm_calls (system, version, id);
CREATE INDEX fleet_trades_version ON fleet_trades (system, version, source_id);
CREATE INDEX fleet_agent_performance_version ON fleet_agent_performance (system, version, id);
CREATE INDEX fleet_system_metrics_version ON fleet_system_metrics (system, version, id);
CREATE INDEX fleet_model_swaps_version ON fleet_model_swaps (system, version, id);
CREATE TABLE fleet_deleted_rows (
    system TEXT NOT NULL,
    version BIGINT NOT NULL,
    source_table TEXT NOT NULL,
    source_id TEXT NOT NULL,
    PRIMARY KEY (system, version, source_table, source_id)
);
-- migrate:down
DROP TABLE fleet_deleted_rows;
ALTER TABLE fleet_model_swaps DROP COLUMN version;
ALTER TABLE fleet_system_metrics DROP COLUMN version;
ALTER TABLE fleet_agent_performance DROP COLUMN version;
ALTER TABLE fleet_trades DROP COLUMN version;
ALTER TABLE fleet_llm_calls DROP COLUMN version;
ALTER TABLE fleet_systems DROP COLUMN agent_config;
ALTER TABLE fleet_systems DROP COLUMN version;
