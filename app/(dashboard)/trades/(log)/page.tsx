import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { tradeHref, tradeIdKind } from "@/components/trades/trade-url";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { pageClock } from "@/db/queries/page-clock";
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

export async function generateMetadata() {
  const t = await getTranslations("trades");
  return { title: t("title") };
}

const select = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export default async function TradesPage({ searchParams }: { searchParams: Promise<TradesSearchParams> }) {
  const { pnlCurrency } = getDisplaySettings();
  const clock = await pageClock(searchParams);
  const search = readTradesSearch(await searchParams, clock);
  const ctx = readContext(clock, search.period);
  const log = getTradeLog(ctx, search, search.after);
  const query = tradeQuery(search);
  const canExport = await readerIsOperator(); // exports are for operators, not a public dashboard's readers
  const t = await getTranslations("trades");
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <PeriodPicker
          path="/trades"
          keep={tradeFilterQuery(search) || undefined}
          period={ctx.period}
          problem={search.problem}
        />
      </PageHeader>
      <Card
        covers="trades"
        title={t("log.title")}
        caption={t("log.caption", { count: log.total, zone: zoneLabel(ctx.zone, ctx.now) })}
      >
        <form method="get" action="/trades" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
          {/* The period is the picker's, above: the filters keep it. */}
          {Object.entries(periodParams(ctx.period)).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("filters.ticker")}</span>
            <select name="ticker" defaultValue={search.ticker ?? ""} className={select}>
              <option value="">{t("filters.anyTicker")}</option>
              {log.tickers.map((ticker) => (
                <option key={ticker}>{ticker}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("filters.action")}</span>
            <select name="action" defaultValue={search.action ?? ""} className={select}>
              <option value="">{t("filters.anyAction")}</option>
              <option value="buy">{t("action.buy")}</option>
              <option value="sell">{t("action.sell")}</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("filters.agent")}</span>
            <select name="agent" defaultValue={search.agent ?? ""} className={select}>
              <option value="">{t("filters.anyAgent")}</option>
              {log.agents.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("filters.pnl")}</span>
            <select name="pnl" defaultValue={search.pnl ?? ""} className={select}>
              <option value="">{t("filters.anyPnl")}</option>
              <option value="known">{t("filters.known")}</option>
              <option value="pending">{t("pending")}</option>
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-1 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("filters.submit")}
          </button>
          {canExport ? (
            <a
              href={`/trades/export?${query}`}
              download
              className="ml-auto text-sm text-emerald-700 underline dark:text-emerald-400"
            >
              {t("log.downloadCsv")}
            </a>
          ) : null}
        </form>
        <Table
          caption={t("log.tableCaption")}
          rows={log.rows}
          rowKey={(trade) => trade.rowid}
          empty={log.total === 0 && query === `days=${TRADE_DAYS}` ? t("log.empty") : t("log.noMatch")}
          columns={[
            { header: t("columns.when"), cell: (trade) => formatDateTime(trade.atMs, ctx.zone, locale) },
            {
              header: t("columns.trade"),
              cell: (trade) => (
                <Link href={tradeHref(trade)} className="font-medium hover:underline">
                  {t("tradeId", { kind: tradeIdKind(trade.tradeId), id: trade.tradeId ?? "" })}
                </Link>
              ),
            },
            { header: t("columns.ticker"), cell: (trade) => trade.ticker },
            { header: t("columns.action"), cell: (trade) => t(`action.${trade.action}`) },
            {
              header: t("columns.quantity"),
              numeric: true,
              figure: "quantity",
              cell: (trade) => formatCount(trade.quantity, locale),
            },
            {
              header: t("columns.price", { currency: pnlCurrency }),
              numeric: true,
              figure: "price",
              cell: (trade) => formatMoney(trade.price, pnlCurrency, locale).replace(/^\+/, ""),
            },
            {
              header: t("columns.pnl7Days", { currency: pnlCurrency }),
              numeric: true,
              figure: "pnl7Days",
              cell: (trade) =>
                trade.pnl7Days === null ? t("pending") : formatMoney(trade.pnl7Days, pnlCurrency, locale),
            },
            {
              header: t("columns.confidence"),
              numeric: true,
              figure: "decisionConfidence",
              cell: (trade) =>
                trade.decisionConfidence === null ? "—" : formatPercent(trade.decisionConfidence * 100, locale, 0),
            },
          ]}
        />
        <nav aria-label={t("log.pages")} className="mt-3 flex justify-between text-sm">
          {search.after ? (
            <Link href={`/trades?${query}`} className="text-emerald-700 underline dark:text-emerald-400">
              {t("log.newest")}
            </Link>
          ) : (
            <span />
          )}
          {log.next ? (
            <Link
              href={`/trades?${tradeQuery(search, { after: `${log.next.atMs}.${log.next.rowid}` })}`}
              className="text-emerald-700 underline dark:text-emerald-400"
            >
              {t("log.older")}
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}
