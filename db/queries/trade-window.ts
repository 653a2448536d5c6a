import "server-only";
import { database } from "@/db";
import { catchUpTradeAggregates } from "@/db/aggregates/trade-facts";
import { TradeWindow } from "@/db/aggregates/trade-window";

/** The trades at or after now − days × 24 h, from the trade aggregates. */
export function tradeWindow(days: number, now = Date.now()): TradeWindow {
  return tradesBetween(now - days * 86_400_000, now);
}

/** The trades in [fromMs, toMs), after reading any trade the trading system wrote since the last read. */
export function tradesBetween(fromMs: number, toMs: number): TradeWindow {
  const { sqlite, config } = database();
  catchUpTradeAggregates(sqlite, config.dataTimeZone);
  return new TradeWindow(sqlite, config.dataTimeZone, fromMs, toMs);
}
