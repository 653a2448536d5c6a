import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { TRADE_ACTIONS } from "./enums";

export const trades = sqliteTable(
  "trades",
  {
    // No NOT NULL upstream: SQLite lets a NULL through here, and real files hold one.
    tradeId: text("trade_id").primaryKey(),
    timestamp: text("timestamp").notNull(),
    ticker: text("ticker").notNull(),
    action: text("action", { enum: TRADE_ACTIONS }).notNull(),
    quantity: integer("quantity").notNull(),
    price: real("price").notNull(),
    justificationText: text("justification_text").notNull(),
    marketSnapshot: text("market_snapshot").notNull(),
    portfolioBefore: text("portfolio_before").notNull(),
    pnl7Days: real("pnl_7_days"),
    pnl30Days: real("pnl_30_days"),
    agentContributions: text("agent_contributions"),
    decisionConfidence: real("decision_confidence"),
    analysisMetadata: text("analysis_metadata"),
    createdAt: text("created_at").default(sql`CURRENT_TIMESTAMP`),
  },
  (t) => [
    check("trades_action", sql`${t.action} IN ('buy', 'sell')`),
    index("idx_trades_timestamp").on(t.timestamp),
    index("idx_trades_ticker").on(t.ticker),
    index("idx_trades_action").on(t.action),
    index("idx_trades_pnl_7_days").on(t.pnl7Days),
    index("idx_trades_pnl_30_days").on(t.pnl30Days),
  ],
);

export type Trade = typeof trades.$inferSelect;
