import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Agent Desk's own tables (migrations/0002), kept apart from the trading system's by their prefix.

export const agentDeskMigrations = sqliteTable("agent_desk_migrations", {
  name: text("name").primaryKey(),
  checksum: text("checksum").notNull(),
  schemaVersion: integer("schema_version"),
  appliedAt: text("applied_at")
    .notNull()
    .default(sql`CURRENT_TIMESTAMP`),
});

export const agentDeskSwapAudit = sqliteTable(
  "agent_desk_swap_audit",
  {
    evolutionId: integer("evolution_id").primaryKey(),
    actor: text("actor").notNull(),
    actedAt: text("acted_at")
      .notNull()
      .default(sql`CURRENT_TIMESTAMP`),
    rollbackOf: integer("rollback_of").unique(),
    configWritten: integer("config_written").notNull().default(0),
    configNote: text("config_note"),
    requestId: text("request_id"), // migrations/0005
  },
  (t) => [
    check("agent_desk_swap_audit_config_written", sql`${t.configWritten} IN (0, 1)`),
    uniqueIndex("agent_desk_swap_audit_request").on(t.requestId),
  ],
);

export const agentDeskReviews = sqliteTable("agent_desk_reviews", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  agentName: text("agent_name").notNull(),
  note: text("note").notNull(),
  actor: text("actor").notNull(),
  efficiencyScore: real("efficiency_score"),
  reviewedAt: text("reviewed_at")
    .notNull()
    .default(sql`CURRENT_TIMESTAMP`),
});

export type AppliedMigration = typeof agentDeskMigrations.$inferSelect;
export type SwapAudit = typeof agentDeskSwapAudit.$inferSelect;
export type AgentReview = typeof agentDeskReviews.$inferSelect;

// migrations/0003: the LLM log's aggregates; see that file for the keys. Since 0007 no trigger counts an insert: the
// background count (db/background/counting-loop.ts) adds the calls above the watermark (agent_desk_backfill.next_id)
// and counts again the hours and days of the corrections that 0010's triggers note.
const llmKeys = {
  agentName: text("agent_name").notNull(),
  provider: text("provider").notNull(),
  model: text("model").notNull(),
  requestType: text("request_type").notNull(),
};

export const agentDeskLlmHourly = sqliteTable(
  "agent_desk_llm_hourly",
  {
    hour: text("hour").notNull(),
    ...llmKeys,
    calls: integer("calls").notNull(),
    successes: integer("successes").notNull(),
    tokens: integer("tokens").notNull(),
    costUsd: real("cost_usd").notNull(),
    latencyMsSum: real("latency_ms_sum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.agentName, t.provider, t.model, t.requestType] })],
);

export const agentDeskLlmLatency = sqliteTable(
  "agent_desk_llm_latency",
  {
    day: text("day").notNull(),
    ...llmKeys,
    bucket: integer("bucket").notNull(),
    calls: integer("calls").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.agentName, t.provider, t.model, t.requestType, t.bucket] })],
);

export const agentDeskLlmErrors = sqliteTable(
  "agent_desk_llm_errors",
  {
    hour: text("hour").notNull(),
    agentName: text("agent_name").notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    errorMessage: text("error_message").notNull(),
    calls: integer("calls").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.agentName, t.provider, t.model, t.errorMessage] })],
);

// migrations/0009: the counted calls written with Z or an offset, by instant (ms), for a period's edges.
export const agentDeskLlmZoned = sqliteTable(
  "agent_desk_llm_zoned",
  {
    instantMs: real("instant_ms").notNull(),
    id: integer("id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.instantMs, t.id] })],
);

export const agentDeskBackfill = sqliteTable("agent_desk_backfill", {
  name: text("name").primaryKey(),
  nextId: integer("next_id").notNull(),
  lastId: integer("last_id").notNull(),
  resets: integer("resets").notNull().default(0), // migrations/0007
  adoptBelow: integer("adopt_below").notNull().default(0), // migrations/0010
  adoptFrom: text("adopt_from"),
  adoptOdd: integer("adopt_odd").notNull().default(0),
});

// migrations/0010: LLM calls changed or deleted after they were counted, and the hour and day keys to count again.
export const agentDeskLlmCorrections = sqliteTable("agent_desk_llm_corrections", {
  oldId: integer("old_id").notNull(),
  oldTime: text("old_time"),
  newId: integer("new_id"),
  newTime: text("new_time"),
});

export const agentDeskLlmDirty = sqliteTable("agent_desk_llm_dirty", {
  key: text("key").primaryKey(),
});

// migrations/0006: the trade aggregates; see that file (and db/aggregates/trade-facts.ts) for what each holds.
export const agentDeskTradeChanges = sqliteTable("agent_desk_trade_changes", {
  tradeRowid: integer("trade_rowid").primaryKey(),
});

export const agentDeskTrades = sqliteTable(
  "agent_desk_trades",
  {
    tradeRowid: integer("trade_rowid").primaryKey(),
    eventMs: integer("event_ms"),
    day: text("day"),
    pnl7Days: real("pnl_7_days"),
    decisionConfidence: real("decision_confidence"),
    contributions: integer("contributions").notNull(),
    nonNumeric: integer("non_numeric").notNull(),
    nanJson: integer("nan_json").notNull(),
    brokenJson: integer("broken_json").notNull(),
  },
  (t) => [index("agent_desk_trades_time").on(t.eventMs), index("agent_desk_trades_day").on(t.day)],
);

export const agentDeskTradeContributions = sqliteTable(
  "agent_desk_trade_contributions",
  {
    tradeRowid: integer("trade_rowid").notNull(),
    agentName: text("agent_name").notNull(),
    contribution: real("contribution").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tradeRowid, t.agentName] })],
);

export const agentDeskTradeDays = sqliteTable("agent_desk_trade_days", {
  day: text("day").primaryKey(),
  trades: integer("trades").notNull(),
  withPnl: integer("with_pnl").notNull(),
  pnl: real("pnl").notNull(),
  wins: integer("wins").notNull(),
  losses: integer("losses").notNull(),
  analysed: integer("analysed").notNull(),
  unreadable: integer("unreadable").notNull(),
  nonNumeric: integer("non_numeric").notNull(),
});

export const agentDeskTradeAgentDays = sqliteTable(
  "agent_desk_trade_agent_days",
  {
    day: text("day").notNull(),
    agentName: text("agent_name").notNull(),
    trades: integer("trades").notNull(),
    contribution: real("contribution").notNull(),
    positive: real("positive").notNull(),
    negative: real("negative").notNull(),
    weightedPnl: real("weighted_pnl").notNull(),
    confidenceSum: real("confidence_sum").notNull(),
    confidenceCount: integer("confidence_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.agentName] })],
);

export const agentDeskTradeZone = sqliteTable("agent_desk_trade_zone", {
  timeZone: text("time_zone").notNull(),
});
