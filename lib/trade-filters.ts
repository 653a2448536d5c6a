import type { TradeCursor, TradeFilters } from "@/db/queries/trade-log";
import { readPeriod } from "./period";

export type TradeSearch = { days?: string; ticker?: string; action?: string; agent?: string; pnl?: string; after?: string };

const NAME = /^[\w.\- ]{1,100}$/;

/** The trade log's filters from its URL; anything unreadable is left out rather than failing the page. */
export function readTradeFilters(search: TradeSearch): { filters: TradeFilters; after?: TradeCursor } {
  const filters: TradeFilters = { days: readPeriod(search.days ?? "90").days };
  if (search.ticker && NAME.test(search.ticker)) filters.ticker = search.ticker;
  if (search.action === "buy" || search.action === "sell") filters.action = search.action;
  if (search.agent && NAME.test(search.agent)) filters.agent = search.agent;
  if (search.pnl === "known" || search.pnl === "pending") filters.pnl = search.pnl;
  const cursor = /^(\d{1,15})\.(\d{1,15})$/.exec(search.after ?? "");
  return { filters, after: cursor ? { atMs: Number(cursor[1]), rowid: Number(cursor[2]) } : undefined };
}

/** The filters as a query string (without the page cursor), for links that keep them. */
export function tradeQuery(filters: TradeFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set("days", String(filters.days));
  for (const key of ["ticker", "action", "agent", "pnl"] as const) if (filters[key]) params.set(key, filters[key]!);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}
