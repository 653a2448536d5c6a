import "server-only";
import { sql } from "drizzle-orm";
import { database } from "@/db";
import { trades } from "@/db/schema";

/** `get_trade_statistics()` of SPEC.md, all time, with the win-rate fix: wins / (wins + losses), 0 only when both are 0. */
export function getTradeStats() {
  const { db } = database();
  const row = db
    .select({
      total_trades: sql<number>`count(*)`,
      buy_trades: sql<number>`total(${trades.action} = 'buy')`,
      sell_trades: sql<number>`total(${trades.action} = 'sell')`,
      avg_pnl_7d: sql<number>`coalesce(avg(${trades.pnl7Days}), 0)`,
      total_pnl_7d: sql<number>`total(${trades.pnl7Days})`,
      winning_trades: sql<number>`total(${trades.pnl7Days} > 0)`,
      losing_trades: sql<number>`total(${trades.pnl7Days} < 0)`,
    })
    .from(trades)
    .get()!;
  const decided = row.winning_trades + row.losing_trades;
  return { ...row, win_rate: decided > 0 ? (row.winning_trades / decided) * 100 : 0 };
}
