import "server-only";
import { database } from "@/db";
import { parseEventTime } from "@/lib/event-time";
import type { Period } from "@/lib/period";
import { eventMsWithin } from "./event-window";
import { assertTradesCounted } from "./trade-window";

export type TradeFilters = { period: Period; ticker?: string; action?: "buy" | "sell"; agent?: string; pnl?: "known" | "pending" };
export type TradeCursor = { atMs: number; rowid: number };

const PAGE = 50;

/**
 * One page of the trade log, newest first, filtered; `after` is the last row of the previous page. Served from
 * the trade facts' time index and keyset-paged, so a page costs the same on the first page as on the thousandth.
 */
export function getTradeLog(filters: TradeFilters, after?: TradeCursor, limit = PAGE) {
  const { sqlite, config } = database();
  const { rows, next } = tradeLogPage(filters, after, limit);
  const query = tradeLogQuery(filters);
  // Without a ticker or action the count needs no trade row: the facts alone answer it.
  const countFrom = filters.ticker || filters.action ? query.from : `FROM agent_desk_trades AS f WHERE ${query.where}`;
  const total = sqlite.prepare(`SELECT count(*) ${countFrom}`).pluck().get(query.params) as number;
  const tickers = sqlite.prepare("SELECT DISTINCT ticker FROM trades ORDER BY ticker").pluck().all() as string[];
  const agents = sqlite.prepare("SELECT DISTINCT agent_name FROM agent_desk_trade_agent_days ORDER BY agent_name").pluck().all() as string[];
  return { rows, total, next, tickers, agents, zone: config.dataTimeZone };
}

/** The rows of one page and the cursor of the next (none after the last page): what the CSV export streams page by page. */
export function tradeLogPage(filters: TradeFilters, after: TradeCursor | undefined, limit: number): { rows: TradeLogRow[]; next?: TradeCursor } {
  const { sqlite } = database();
  assertTradesCounted(sqlite);
  const query = tradeLogQuery(filters);
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

function tradeLogQuery(filters: TradeFilters) {
  const within = eventMsWithin("f.event_ms", filters.period);
  const conditions = [within.sql];
  if (filters.ticker) conditions.push("t.ticker = @ticker");
  if (filters.action) conditions.push("t.action = @action");
  if (filters.agent) conditions.push("EXISTS (SELECT 1 FROM agent_desk_trade_contributions AS c WHERE c.trade_rowid = f.trade_rowid AND c.agent_name = @agent)");
  if (filters.pnl) conditions.push(filters.pnl === "known" ? "f.pnl_7_days IS NOT NULL" : "f.pnl_7_days IS NULL");
  const where = conditions.join(" AND ");
  const params = definedOnly({ ...within.params, ticker: filters.ticker, action: filters.action, agent: filters.agent });
  return { where, params, from: `FROM agent_desk_trades AS f JOIN trades AS t ON t.rowid = f.trade_rowid WHERE ${where}` };
}

export type TradeLogRow = {
  rowid: number;
  atMs: number;
  tradeId: string | null;
  timestamp: string;
  ticker: string;
  action: string;
  quantity: number;
  price: number;
  pnl7Days: number | null;
  decisionConfidence: number | null;
};

/**
 * One trade, with everything the trading system wrote about it, as stored: by its id, or by its rowid for a trade
 * whose id cannot stand in a link (components/trades/trade-url.ts), such as the NULL id the schema allows.
 */
export function getTrade(key: { tradeId: string } | { rowid: number }) {
  const { sqlite, config } = database();
  const [where, value] = "rowid" in key ? ["rowid = ?", key.rowid] : ["trade_id = ?", key.tradeId];
  const row = sqlite.prepare(`SELECT rowid, * FROM trades WHERE ${where}`).get(value) as Record<string, string | number | null> | undefined;
  if (!row) return undefined;
  return { ...row, atMs: parseEventTime(String(row.timestamp), config.dataTimeZone) } as TradeRecord;
}

export type TradeRecord = {
  rowid: number;
  trade_id: string | null;
  timestamp: string;
  atMs: number | null;
  ticker: string;
  action: string;
  quantity: number;
  price: number;
  justification_text: string;
  market_snapshot: string;
  portfolio_before: string;
  pnl_7_days: number | null;
  pnl_30_days: number | null;
  agent_contributions: string | null;
  decision_confidence: number | null;
  analysis_metadata: string | null;
  created_at: string | null;
};

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
