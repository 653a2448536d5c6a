import Link from "next/link";
import { tradeHref, tradeLabel } from "@/components/trades/trade-url";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { getTradeLog } from "@/db/queries/trade-log";
import { formatCount, formatDateTime, formatMoney, formatPercent, zoneLabel } from "@/lib/format";
import { readerIsOperator } from "@/lib/server/operator";
import { periodParams } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import {
  readTradesSearch,
  TRADE_DAYS,
  tradeFilterQuery,
  tradeQuery,
  type TradesSearchParams,
} from "@/app/(dashboard)/trades/search-params";

export const metadata = { title: "Trades" };

const select = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export default async function TradesPage({ searchParams }: { searchParams: Promise<TradesSearchParams> }) {
  const { pnlCurrency } = getDisplaySettings();
  const clock = requestClock();
  const search = readTradesSearch(await searchParams, clock);
  const ctx = readContext(clock, search.period);
  const log = getTradeLog(ctx, search, search.after);
  const query = tradeQuery(search);
  const canExport = await readerIsOperator(); // exports are for operators, not a public dashboard's readers
  return (
    <>
      <PageHeader
        title="Trades"
        subtitle="Every order the trading system placed; the 7-day PnL arrives a week after each trade"
      >
        <PeriodPicker
          path="/trades"
          keep={tradeFilterQuery(search) || undefined}
          period={ctx.period}
          problem={search.problem}
        />
      </PageHeader>
      <Card title="Trade log" caption={`${formatCount(log.total)} trade(s) match · times in ${zoneLabel(ctx.zone)}`}>
        <form method="get" action="/trades" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
          {/* The period is the picker's, above: the filters keep it. */}
          {Object.entries(periodParams(ctx.period)).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Ticker</span>
            <select name="ticker" defaultValue={search.ticker ?? ""} className={select}>
              <option value="">all</option>
              {log.tickers.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Action</span>
            <select name="action" defaultValue={search.action ?? ""} className={select}>
              <option value="">buy and sell</option>
              <option value="buy">buy</option>
              <option value="sell">sell</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">Agent involved</span>
            <select name="agent" defaultValue={search.agent ?? ""} className={select}>
              <option value="">any</option>
              {log.agents.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">7-day PnL</span>
            <select name="pnl" defaultValue={search.pnl ?? ""} className={select}>
              <option value="">known or pending</option>
              <option value="known">known</option>
              <option value="pending">pending</option>
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            Filter
          </button>
          {canExport ? (
            <a
              href={`/trades/export?${query}`}
              download
              className="ml-auto text-sm text-emerald-700 underline dark:text-emerald-400"
            >
              Download CSV
            </a>
          ) : null}
        </form>
        <Table
          caption="Trades, newest first"
          rows={log.rows}
          rowKey={(t) => t.rowid}
          empty={
            log.total === 0 && query === `days=${TRADE_DAYS}`
              ? "No trades yet: the trading system records each order it places in the trades table."
              : "No trade matches these filters; widen the period or clear a filter."
          }
          columns={[
            { header: "When", cell: (t) => formatDateTime(t.atMs, ctx.zone) },
            {
              header: "Trade",
              cell: (t) => (
                <Link href={tradeHref(t)} className="font-medium hover:underline">
                  {tradeLabel(t.tradeId)}
                </Link>
              ),
            },
            { header: "Ticker", cell: (t) => t.ticker },
            { header: "Action", cell: (t) => t.action },
            { header: "Quantity", numeric: true, cell: (t) => formatCount(t.quantity) },
            {
              header: `Price (${pnlCurrency})`,
              numeric: true,
              cell: (t) => formatMoney(t.price, pnlCurrency).replace(/^\+/, ""),
            },
            {
              header: `7-day PnL (${pnlCurrency})`,
              numeric: true,
              cell: (t) => (t.pnl7Days === null ? "pending" : formatMoney(t.pnl7Days, pnlCurrency)),
            },
            {
              header: "CIO confidence",
              numeric: true,
              cell: (t) => (t.decisionConfidence === null ? "—" : formatPercent(t.decisionConfidence * 100, 0)),
            },
          ]}
        />
        <nav aria-label="Pages" className="mt-3 flex justify-between text-sm">
          {search.after ? (
            <Link href={`/trades?${query}`} className="text-emerald-700 underline dark:text-emerald-400">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {log.next ? (
            <Link
              href={`/trades?${tradeQuery(search, { after: `${log.next.atMs}.${log.next.rowid}` })}`}
              className="text-emerald-700 underline dark:text-emerald-400"
            >
              Older →
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
