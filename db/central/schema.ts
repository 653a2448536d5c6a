import { bigint, boolean, doublePrecision, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// The central store's tables (migrations/postgres/*.sql, the one definition; a test checks this file
// against what the migrations create), typed for Drizzle's pg-core. Every key starts with `system`.

const count = (name: string) => bigint(name, { mode: "number" });

export const fleetSystems = pgTable("fleet_systems", {
  system: text("system").primaryKey(),
  lastSeq: count("last_seq").notNull(),
  lastBatchAt: timestamp("last_batch_at", { withTimezone: true, mode: "date" }),
  callsBehind: count("calls_behind").notNull(),
  sourceCallsAt: text("source_calls_at"),
  shipper: text("shipper"),
  skippedRows: count("skipped_rows").notNull(),
  costLimitDaily: doublePrecision("cost_limit_daily"),
  costLimitWeekly: doublePrecision("cost_limit_weekly"),
  costAlertThreshold: doublePrecision("cost_alert_threshold"),
  firstSeenAt: timestamp("first_seen_at", { withTimezone: true, mode: "date" }).notNull(),
  version: count("version").notNull(),
  agentConfig: text("agent_config"),
});

export const fleetLlmCalls = pgTable(
  "fleet_llm_calls",
  {
    system: text("system").notNull(),
    id: count("id").notNull(),
    timestamp: text("timestamp").notNull(),
    agentName: text("agent_name").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    tokensUsed: count("tokens_used").notNull(),
    costUsd: doublePrecision("cost_usd").notNull(),
    responseTimeMs: doublePrecision("response_time_ms").notNull(),
    requestType: text("request_type").notNull(),
    success: boolean("success").notNull(),
    errorMessage: text("error_message"),
    createdAt: text("created_at"),
    hour: text("hour").notNull(),
    version: count("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.id] })],
);

export const fleetLlmHourly = pgTable(
  "fleet_llm_hourly",
  {
    system: text("system").notNull(),
    hour: text("hour").notNull(),
    agentName: text("agent_name").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    requestType: text("request_type").notNull(),
    calls: count("calls").notNull(),
    successes: count("successes").notNull(),
    tokens: count("tokens").notNull(),
    costUsd: doublePrecision("cost_usd").notNull(),
    latencyMsSum: doublePrecision("latency_ms_sum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.hour, t.agentName, t.provider, t.model, t.requestType] })],
);

export const fleetLlmTotals = pgTable(
  "fleet_llm_totals",
  {
    system: text("system").notNull(),
    key: text("key").notNull(),
    calls: count("calls").notNull(),
    successes: count("successes").notNull(),
    tokens: count("tokens").notNull(),
    costUsd: doublePrecision("cost_usd").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.key] })],
);

export const fleetTradeDays = pgTable(
  "fleet_trade_days",
  {
    system: text("system").notNull(),
    day: text("day").notNull(),
    trades: count("trades").notNull(),
    withPnl: count("with_pnl").notNull(),
    pnl: doublePrecision("pnl").notNull(),
    wins: count("wins").notNull(),
    losses: count("losses").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.day] })],
);

export const fleetTradeAgentDays = pgTable(
  "fleet_trade_agent_days",
  {
    system: text("system").notNull(),
    day: text("day").notNull(),
    agentName: text("agent_name").notNull(),
    trades: count("trades").notNull(),
    positive: doublePrecision("positive").notNull(),
    negative: doublePrecision("negative").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.day, t.agentName] })],
);

export const fleetTrades = pgTable(
  "fleet_trades",
  {
    system: text("system").notNull(),
    sourceId: text("source_id").notNull(),
    tradeId: text("trade_id"),
    timestamp: text("timestamp").notNull(),
    ticker: text("ticker").notNull(),
    action: text("action").notNull(),
    quantity: count("quantity").notNull(),
    price: doublePrecision("price").notNull(),
    justificationText: text("justification_text").notNull(),
    marketSnapshot: text("market_snapshot").notNull(),
    portfolioBefore: text("portfolio_before").notNull(),
    pnl7Days: doublePrecision("pnl_7_days"),
    pnl30Days: doublePrecision("pnl_30_days"),
    agentContributions: text("agent_contributions"),
    decisionConfidence: doublePrecision("decision_confidence"),
    analysisMetadata: text("analysis_metadata"),
    createdAt: text("created_at"),
    day: text("day").notNull(),
    version: count("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.sourceId] })],
);

export const fleetModelSwaps = pgTable(
  "fleet_model_swaps",
  {
    system: text("system").notNull(),
    id: count("id").notNull(),
    timestamp: text("timestamp").notNull(),
    agentName: text("agent_name").notNull(),
    oldProvider: text("old_provider").notNull(),
    oldModel: text("old_model").notNull(),
    newProvider: text("new_provider").notNull(),
    newModel: text("new_model").notNull(),
    reason: text("reason").notNull(),
    performanceImprovement: doublePrecision("performance_improvement").notNull(),
    triggeredBy: text("triggered_by").notNull(),
    validationPeriodDays: count("validation_period_days"),
    rollbackThreshold: doublePrecision("rollback_threshold"),
    createdAt: text("created_at"),
    version: count("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.system, t.id] })],
);

export const fleetSwapRequests = pgTable(
  "fleet_swap_requests",
  {
    system: text("system").notNull(),
    requestId: text("request_id").notNull(),
    kind: text("kind", { enum: ["swap", "rollback"] }).notNull(),
    agentName: text("agent_name").notNull(),
    newProvider: text("new_provider"),
    newModel: text("new_model"),
    reason: text("reason"),
    performanceImprovement: doublePrecision("performance_improvement"),
    validationPeriodDays: count("validation_period_days"),
    rollbackThreshold: doublePrecision("rollback_threshold"),
    rollbackOf: count("rollback_of"),
    requestedBy: text("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true, mode: "date" }).notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true, mode: "date" }),
    outcome: text("outcome"),
    historyId: count("history_id"),
  },
  (t) => [primaryKey({ columns: [t.system, t.requestId] })],
);
