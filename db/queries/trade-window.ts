import "server-only";
import { database } from "@/db";
import { TradeWindow } from "@/db/aggregates/trade-window";

/** The trades at or after now − days × 24 h, from the trade aggregates. */
export function tradeWindow(days: number, now = Date.now()): TradeWindow {
  return tradesBetween(now - days * 86_400_000, now);
}

/**
 * The trades in [fromMs, toMs), from the trade aggregates as the server's background count last left them (a
 * moment behind the file; /system says how far).
 */
export function tradesBetween(fromMs: number, toMs: number): TradeWindow {
  const { sqlite, config } = database();
  return new TradeWindow(sqlite, config.dataTimeZone, fromMs, toMs);
}
