import "server-only";
import { eq, getTableColumns, sql } from "drizzle-orm";
import { database } from "@/db";
import { trades, type Trade } from "@/db/schema";
import { parseEventTime } from "@/lib/event-time";
import type { ReadContext, RequestClock } from "@/lib/read-context";
import { assertTradesCounted } from "./counted-trades";
import { eventMsWithin } from "./event-window";

/** The trade log's filters besides its period (app/(dashboard)/trades/search-params.ts reads them from the URL). */
export type TradeFilters = { ticker?: string; action?: "buy" | "sell"; agent?: string; pnl?: "known" | "pending" };
export type TradeCursor = { atMs: number; rowid: number };
/** A row of the trade log: the columns it shows, the trade's rowid and its instant (the facts' event time). */
export type TradeLogRow = TradeCursor &
  Pick<Trade, "tradeId" | "timestamp" | "ticker" | "action" | "quantity" | "price" | "pnl7Days" | "decisionConfidence">;
/** One trade as stored, with its rowid and its instant (null when its time cannot be read). */
export type TradeRecord = Trade & { rowid: number; atMs: number | null };

const PAGE = 50;

/**
 * One page of the trade log, newest first, filtered; `after` is the last row of the previous page. Served from
 * the trade facts' time index and keyset-paged, so a page costs the same on the first page as on the thousandth.
 */
export function getTradeLog(ctx: ReadContext, filters: TradeFilters, after?: TradeCursor, limit = PAGE) {
  const { sqlite } = database(ctx);
  const { rows, next } = tradeLogPage(ctx, filters, after, limit);
  const query = tradeLogQuery(ctx, filters);
  // Without a ticker or action the count needs no trade row: the facts alone answer it.
  const countFrom = filters.ticker || filters.action ? query.from : `FROM agent_desk_trades AS f WHERE ${query.where}`;
  const total = sqlite.prepare(`SELECT count(*) ${countFrom}`).pluck().get(query.params) as number;
  const tickers = sqlite.prepare("SELECT DISTINCT ticker FROM trades ORDER BY ticker").pluck().all() as string[];
  const agents = sqlite
    .prepare("SELECT DISTINCT agent_name FROM agent_desk_trade_agent_days ORDER BY agent_name")
    .pluck()
    .all() as string[];
  return { rows, total, next, tickers, agents };
}

/**
 * The rows of one page and the cursor of the next (none after the last page): what the CSV export streams page by page.
 */
export function tradeLogPage(
  ctx: ReadContext,
  filters: TradeFilters,
  after: TradeCursor | undefined,
  limit: number,
): { rows: TradeLogRow[]; next?: TradeCursor } {
  const { sqlite } = database(ctx);
  assertTradesCounted(sqlite);
  const query = tradeLogQuery(ctx, filters);
  const page = after ? " AND (f.event_ms < @atMs OR (f.event_ms = @atMs AND f.trade_rowid < @rowid))" : "";
  const rows = sqlite
    .prepare(
      `SELECT f.trade_rowid AS rowid, f.event_ms AS atMs, t.trade_id AS tradeId, t.timestamp, t.ticker, t.action, t.quantity, t.price,
              t.pnl_7_days AS pnl7Days, t.decision_confidence AS decisionConfidence
       ${query.from}${page} ORDER BY f.event_ms DESC, f.trade_rowid DESC LIMIT ${limit + 1}`,
    )
    .all({ ...query.params, ...(after ?? {}) }) as TradeLogRow[];
  const last = rows.length > limit ? rows[limit - 1]! : undefined;
  return { rows: rows.slice(0, limit), next: last ? { atMs: last.atMs, rowid: last.rowid } : undefined };
}

function tradeLogQuery(ctx: ReadContext, filters: TradeFilters) {
  const within = eventMsWithin("f.event_ms", ctx.period);
  const conditions = [within.sql];
  if (filters.ticker) conditions.push("t.ticker = @ticker");
  if (filters.action) conditions.push("t.action = @action");
  if (filters.agent)
    conditions.push(
      "EXISTS (SELECT 1 FROM agent_desk_trade_contributions AS c WHERE c.trade_rowid = f.trade_rowid AND c.agent_name = @agent)",
    );
  if (filters.pnl) conditions.push(filters.pnl === "known" ? "f.pnl_7_days IS NOT NULL" : "f.pnl_7_days IS NULL");
  const where = conditions.join(" AND ");
  const params = definedOnly({
    ...within.params,
    ticker: filters.ticker,
    action: filters.action,
    agent: filters.agent,
  });
  return {
    where,
    params,
    from: `FROM agent_desk_trades AS f JOIN trades AS t ON t.rowid = f.trade_rowid WHERE ${where}`,
  };
}

/**
 * One trade, with everything the trading system wrote about it, as stored: by its id, or by its rowid for a trade
 * whose id cannot stand in a link (components/trades/trade-url.ts), such as the NULL id the schema allows.
 */
export function getTrade(clock: RequestClock, key: { tradeId: string } | { rowid: number }): TradeRecord | undefined {
  const { db } = database(clock);
  const row = db
    .select({ rowid: sql<number>`${trades}.rowid`, ...getTableColumns(trades) })
    .from(trades)
    .where("rowid" in key ? sql`${trades}.rowid = ${key.rowid}` : eq(trades.tradeId, key.tradeId))
    .get();
  if (!row) return undefined;
  return { ...row, atMs: parseEventTime(String(row.timestamp), clock.zone) };
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
