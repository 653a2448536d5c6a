import type { TradeCursor, TradeFilters } from "@/db/queries/trade-log";
import { periodParams, type Period } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";
import { singleValue, type SearchValue } from "@/lib/search-value";

/** The trade log's URL as Next hands it over. */
export type TradesSearchParams = PeriodSearch & {
  ticker?: SearchValue;
  action?: SearchValue;
  agent?: SearchValue;
  pnl?: SearchValue;
  after?: SearchValue;
};

/**
 * The trade log's URL state: its period, its filters and the page's cursor (`after`: the last row of the page before).
 */
export type TradesSearch = TradeFilters & { period: Period; problem?: string; after?: TradeCursor };

// The trade log opens on 90 days (trades are rarer than calls); most pages open on DEFAULT_DAYS, 30.
export const TRADE_DAYS = 90;

const NAME = /^[\w.\- ]{1,100}$/;

/**
 * The trade log's URL state; anything unreadable is left out rather than failing the page (a period it cannot
 * read falls back to the default, said in `problem`).
 */
export function readTradesSearch(search: TradesSearchParams, clock: RequestClock): TradesSearch {
  const { period, problem } = readPeriod(search, clock, TRADE_DAYS);
  const state: TradesSearch = { period, problem };
  const [ticker, action, agent, pnl, after] = [
    search.ticker,
    search.action,
    search.agent,
    search.pnl,
    search.after,
  ].map(singleValue);
  if (ticker && NAME.test(ticker)) state.ticker = ticker;
  if (action === "buy" || action === "sell") state.action = action;
  if (agent && NAME.test(agent)) state.agent = agent;
  if (pnl === "known" || pnl === "pending") state.pnl = pnl;
  const cursor = /^(\d{1,15})\.(\d{1,15})$/.exec(after ?? "");
  if (cursor) state.after = { atMs: Number(cursor[1]), rowid: Number(cursor[2]) };
  return state;
}

/** The filters other than the period as a query string (without the page cursor), for the period picker to keep. */
export function tradeFilterQuery(filters: TradeFilters): string {
  const params = new URLSearchParams();
  for (const key of ["ticker", "action", "agent", "pnl"] as const) if (filters[key]) params.set(key, filters[key]!);
  return params.toString();
}

/** The period and filters as a query string (without the page cursor), for links that keep them. */
export function tradeQuery(search: TradeFilters & { period: Period }, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(periodParams(search.period));
  for (const [key, value] of new URLSearchParams(tradeFilterQuery(search))) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
