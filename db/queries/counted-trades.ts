import "server-only";
import { database } from "@/db";
import type Database from "better-sqlite3";
import { TradeWindow } from "@/db/aggregates/trade-fact-reader";
import { waitingTradeChanges } from "@/db/aggregates/trade-facts";
import { CountingInProgress } from "@/lib/counting-in-progress";
import type { ReadContext, RequestClock } from "@/lib/read-context";

/** The trades of the request's period, from the trade aggregates. */
export function tradeWindow(ctx: ReadContext): TradeWindow {
  return tradesBetween(ctx, ctx.period.startMs, ctx.period.endMs);
}

/**
 * The trades in [fromMs, toMs), days cut in the request's zone, from the trade aggregates as the server's
 * background count last left them (a moment behind the file; /system says how far).
 */
export function tradesBetween(clock: RequestClock, fromMs: number, toMs: number): TradeWindow {
  const { sqlite } = database(clock);
  assertTradesCounted(sqlite);
  return new TradeWindow(sqlite, clock.zone, fromMs, toMs);
}

// More trade changes than a busy minute of the trading system brings: a file's trades are being read (adopted, or
// read again in another zone or after a renumbering), and figures now would leave many out.
const MANY_TRADE_CHANGES = 500;

/** Throws CountingInProgress while the trade facts are far behind the trades. */
export function assertTradesCounted(sqlite: Database.Database): void {
  const waiting = waitingTradeChanges(sqlite);
  if (waiting > MANY_TRADE_CHANGES)
    throw new CountingInProgress(`${waiting} trades are still being read into the figures`);
}
