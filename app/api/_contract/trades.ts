import type { TradeStats } from "@/db/queries/trade-stats";

/** /api/trades/stats: `get_trade_statistics()` of the trading system's Python code, key for key. */
export function tradeStatsJson(stats: TradeStats) {
  return {
    total_trades: stats.totalTrades,
    buy_trades: stats.buyTrades,
    sell_trades: stats.sellTrades,
    avg_pnl_7d: stats.avgPnl7d,
    total_pnl_7d: stats.totalPnl7d,
    winning_trades: stats.winningTrades,
    losing_trades: stats.losingTrades,
    win_rate: stats.winRate,
  };
}
