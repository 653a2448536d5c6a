-- 0011: alerts: rules, channels, silences, each rule instance's state, what happened and what was sent
-- The background loop (db/background/alert-loop.ts) measures each enabled rule every 30 s and writes, in one short
-- transaction, the state of each instance it saw (firing since when, when it was last sent), an event for every
-- change (firing, resolved, a notice, a repeat) and one delivery per channel for the events it groups. Deliveries
-- are sent from this table and marked as they go, so a restart resends nothing that was sent and retries what was
-- not. Times are unix ms. The starting rules are the desk's defaults: every kind on, thresholds from
-- lib/alerts/rules.ts STARTING_PARAMS (share NULL: the agent config's cost_alert_threshold).
-- migrate:up
CREATE TABLE agent_desk_alert_rules (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  name TEXT,
  params TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  repeat_minutes INTEGER NOT NULL,
  evaluated_at INTEGER,
  updated_by TEXT,
  updated_at TEXT DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO agent_desk_alert_rules (kind, params, repeat_minutes) VALUES
  ('spend', '{"period":"day","share":null}', 240),
  ('spend', '{"period":"day","share":1}', 240),
  ('spend', '{"period":"week","share":null}', 720),
  ('spend', '{"period":"week","share":1}', 720),
  ('spend_forecast', '{}', 240),
  ('cost_spike', '{"factor":3,"minUsd":1}', 240),
  ('review_flag', '{}', 1440),
  ('swap_breached', '{}', 240),
  ('swap_change', '{}', 240),
  ('provider_failures', '{"rate":0.2,"minCalls":20,"minutes":5}', 60),
  ('quiet', '{"minutes":30,"days":[1,2,3,4,5],"start":"09:00","end":"15:30","zone":"Asia/Seoul"}', 60),
  ('database', '{"minFreePercent":5}', 60);
CREATE TABLE agent_desk_alert_channels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT,
  secret TEXT,
  chat_id TEXT,
  locale TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at TEXT DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE agent_desk_alert_silences (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER NOT NULL,
  instance TEXT,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE agent_desk_alert_states (
  rule_id INTEGER NOT NULL,
  instance TEXT NOT NULL,
  state TEXT NOT NULL,
  since INTEGER NOT NULL,
  notified_at INTEGER,
  clear_since INTEGER,
  value REAL,
  threshold REAL,
  facts TEXT NOT NULL,
  PRIMARY KEY (rule_id, instance)
) WITHOUT ROWID;
CREATE TABLE agent_desk_alert_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id INTEGER,
  kind TEXT NOT NULL,
  rule_name TEXT,
  params TEXT NOT NULL,
  instance TEXT NOT NULL,
  state TEXT NOT NULL,
  repeat INTEGER NOT NULL DEFAULT 0,
  at INTEGER NOT NULL,
  since INTEGER NOT NULL,
  value REAL,
  threshold REAL,
  facts TEXT NOT NULL,
  silence_id INTEGER
);
CREATE INDEX agent_desk_alert_events_at ON agent_desk_alert_events (at);
CREATE TABLE agent_desk_alert_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id INTEGER NOT NULL,
  channel_name TEXT NOT NULL,
  event_ids TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX agent_desk_alert_deliveries_due ON agent_desk_alert_deliveries (status, next_attempt_at);
CREATE INDEX agent_desk_alert_deliveries_created ON agent_desk_alert_deliveries (created_at);
-- migrate:down
DROP TABLE agent_desk_alert_deliveries;
DROP TABLE agent_desk_alert_events;
DROP TABLE agent_desk_alert_states;
DROP TABLE agent_desk_alert_silences;
DROP TABLE agent_desk_alert_channels;
DROP TABLE agent_desk_alert_rules;
