import "server-only";
import { database } from "@/db";
import { catchUpTradeAggregates } from "@/db/aggregates/trade-facts";
import { TradeWindow } from "@/db/aggregates/trade-window";
import { writeRefused } from "@/db/write-refused";

/** The trades at or after now − days × 24 h, from the trade aggregates. */
export function tradeWindow(days: number, now = Date.now()): TradeWindow {
  return tradesBetween(now - days * 86_400_000, now);
}

/** The trades in [fromMs, toMs), after reading any trade the trading system wrote since the last read. */
export function tradesBetween(fromMs: number, toMs: number): TradeWindow {
  const { sqlite, config } = database();
  readTradeChanges();
  return new TradeWindow(sqlite, config.dataTimeZone, fromMs, toMs);
}

/**
 * Reads the queued trade changes into the aggregates. When the file refuses the write (read-only, full, or locked
 * past the busy timeout) the figures are served as they were and /system counts the changes still waiting.
 */
export function readTradeChanges(): void {
  const { sqlite, config } = database();
  try {
    catchUpTradeAggregates(sqlite, config.dataTimeZone);
  } catch (error) {
    if (!writeRefused(error)) throw error;
  }
}
