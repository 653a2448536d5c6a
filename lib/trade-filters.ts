import type { TradeCursor, TradeFilters } from "@/db/queries/trade-log";
import { periodParams } from "./period";
import { readPeriod, type PeriodSearch } from "./period-params";
import type { RequestClock } from "./read-context";

export type TradeSearch = PeriodSearch & { ticker?: string; action?: string; agent?: string; pnl?: string; after?: string };

const NAME = /^[\w.\- ]{1,100}$/;
// The trade log opens on 90 days, the other pages on 30.
const TRADE_DAYS = 90;

/**
 * The trade log's filters from its URL; anything unreadable is left out rather than failing the page (a period
 * it cannot read falls back to the default, said in `problem`).
 */
export function readTradeFilters(search: TradeSearch, clock: RequestClock): { filters: TradeFilters; after?: TradeCursor; problem?: string } {
  const { period, problem } = readPeriod(search, clock, TRADE_DAYS);
  const filters: TradeFilters = { period };
  if (search.ticker && NAME.test(search.ticker)) filters.ticker = search.ticker;
  if (search.action === "buy" || search.action === "sell") filters.action = search.action;
  if (search.agent && NAME.test(search.agent)) filters.agent = search.agent;
  if (search.pnl === "known" || search.pnl === "pending") filters.pnl = search.pnl;
  const cursor = /^(\d{1,15})\.(\d{1,15})$/.exec(search.after ?? "");
  return { filters, after: cursor ? { atMs: Number(cursor[1]), rowid: Number(cursor[2]) } : undefined, problem };
}

/** The filters other than the period as a query string (without the page cursor), for the period picker to keep. */
export function tradeFilterQuery(filters: TradeFilters): string {
  const params = new URLSearchParams();
  for (const key of ["ticker", "action", "agent", "pnl"] as const) if (filters[key]) params.set(key, filters[key]!);
  return params.toString();
}

/** The filters as a query string (without the page cursor), for links that keep them. */
export function tradeQuery(filters: TradeFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(periodParams(filters.period));
  for (const [key, value] of new URLSearchParams(tradeFilterQuery(filters))) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
