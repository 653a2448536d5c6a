import "server-only";
import { desc } from "drizzle-orm";
import { database } from "@/db";
import { trades } from "@/db/schema";
import { parseEventTime } from "@/lib/event-time";

/** The newest trades by their timestamp index, with the instant each stands for. */
export function getRecentTrades(limit: number) {
  const { db, config } = database();
  return db
    .select({
      tradeId: trades.tradeId,
      timestamp: trades.timestamp,
      ticker: trades.ticker,
      action: trades.action,
      quantity: trades.quantity,
      price: trades.price,
      pnl7Days: trades.pnl7Days,
      decisionConfidence: trades.decisionConfidence,
    })
    .from(trades)
    .orderBy(desc(trades.timestamp))
    .limit(limit)
    .all()
    .map((trade) => ({ ...trade, atMs: parseEventTime(trade.timestamp, config.dataTimeZone) }));
}
