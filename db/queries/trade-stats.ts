import "server-only";
import { isNotNull, sql } from "drizzle-orm";
import { database, type ReadSource } from "@/db";
import { trades } from "@/db/schema";

/**
 * `get_trade_statistics()` of the trading system's Python code, all time, with the win-rate fix: wins / (wins +
 * losses), 0 only when both are 0.
 * Two reads that each need one column, so SQLite answers them from the trading system's own indexes on `action`
 * and `pnl_7_days` without touching a trade row (100k trades: milliseconds instead of a table scan).
 */
export function getTradeStats(source: ReadSource) {
  const { db } = database(source);
  const actions = db
    .select({ action: trades.action, count: sql<number>`count(*)` })
    .from(trades)
    .groupBy(trades.action)
    .all();
  const pnl = db
    .select({
      avgPnl7d: sql<number>`coalesce(avg(${trades.pnl7Days}), 0)`,
      totalPnl7d: sql<number>`total(${trades.pnl7Days})`,
      winningTrades: sql<number>`total(${trades.pnl7Days} > 0)`,
      losingTrades: sql<number>`total(${trades.pnl7Days} < 0)`,
    })
    .from(trades)
    .where(isNotNull(trades.pnl7Days))
    .get()!;
  const count = (action: string) => actions.find((a) => a.action === action)?.count ?? 0;
  const decided = pnl.winningTrades + pnl.losingTrades;
  return {
    totalTrades: actions.reduce((sum, a) => sum + a.count, 0),
    buyTrades: count("buy"),
    sellTrades: count("sell"),
    ...pnl,
    winRate: decided > 0 ? (pnl.winningTrades / decided) * 100 : 0,
  };
}

export type TradeStats = ReturnType<typeof getTradeStats>;
