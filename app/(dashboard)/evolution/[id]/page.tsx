import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RunsLine } from "@/components/agents/runs-line";
import { IntervalPlot } from "@/components/evolution/interval-plot";
import { OutcomeStrip } from "@/components/evolution/outcome-strip";
import { VerdictWords } from "@/components/evolution/verdict-words";
import { tradeHref } from "@/components/trades/trade-url";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { getAgentRuns } from "@/db/queries/agent-runs";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { pageClock } from "@/db/queries/page-clock";
import { getSwapDetail, type SwapObservation } from "@/db/queries/swap-detail";
import { formatCount, formatDateTime, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import { rowidFromParam } from "@/components/trades/trade-url";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("evolution");
  return { title: t("detail.title", { id: (await params).id }) };
}

/** One swap: its verdict and what it rests on, both windows' trades side by side, and the model in each window. */
export default async function SwapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<object>;
}) {
  const id = rowidFromParam((await params).id);
  const clock = await pageClock(searchParams);
  const detail = id === undefined || id < 1 ? null : getSwapDetail(clock, id);
  if (!detail) notFound();
  const { swap, before, after } = detail;
  const t = await getTranslations("evolution");
  const locale = await getLocale();
  const { pnlCurrency } = getDisplaySettings();
  const percent = (v: number | null) => (v === null ? "—" : formatPercent(v * 100, locale, 0));
  const money = (v: number) => formatMoney(Math.round(v), pnlCurrency, locale);
  const time = (ms: number) => formatDateTime(ms, clock.zone, locale);
  const threshold = swap.rollbackThreshold ?? -0.1;
  const ranges = swap.validation.ranges;
  const mean = (list: SwapObservation[]) =>
    list.length ? money(list.reduce((s, o) => s + o.value, 0) / list.length) : "—";
  const windows = [
    {
      key: "before",
      label: t("detail.before"),
      model: `${swap.oldProvider} ${swap.oldModel}`,
      ...swap.validation.before,
    },
    { key: "after", label: t("detail.after"), model: `${swap.newProvider} ${swap.newModel}`, ...swap.validation.after },
  ];

  return (
    <>
      <PageHeader
        title={t("detail.title", { id: swap.id })}
        subtitle={t("detail.subtitle", {
          agent: swap.agentName,
          from: `${swap.oldProvider} ${swap.oldModel}`,
          to: `${swap.newProvider} ${swap.newModel}`,
          time: swap.atMs === null ? swap.timestamp : time(swap.atMs),
        })}
      >
        <Link href="/evolution" className="text-sm text-emerald-700 hover:underline dark:text-emerald-400">
          {t("detail.back")}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card covers="trades" title={t("detail.verdictTitle")}>
          <RunsLine runs={getAgentRuns(clock, { agent: swap.agentName })[0]} zone={clock.zone} className="mb-3" />
          <div className="mb-4 flex flex-wrap items-center gap-3">
            <StatusBadge status={swap.status} />
            {swap.verdict.estimate ? (
              <IntervalPlot
                value={swap.verdict.estimate.value}
                low={swap.verdict.estimate.low}
                high={swap.verdict.estimate.high}
                threshold={threshold}
                width={240}
              />
            ) : null}
          </div>
          <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-5">
            <Stat
              label={t("detail.stats.improvement")}
              figure="swapImprovement"
              value={percent(swap.realizedImprovement)}
            />
            <Stat
              label={t("detail.stats.interval")}
              figure="swapInterval"
              value={
                swap.realizedInterval
                  ? t("detail.range", {
                      from: percent(swap.realizedInterval[0]),
                      to: percent(swap.realizedInterval[1]),
                    })
                  : "—"
              }
            />
            <Stat
              label={t("detail.stats.expected")}
              figure="swapImprovement"
              value={percent(swap.performanceImprovement)}
            />
            <Stat label={t("detail.stats.threshold")} figure="rollbackThreshold" value={percent(threshold)} />
            <Stat
              label={t("detail.stats.observations")}
              figure="swapObservations"
              value={`${formatCount(swap.observations.before, locale)} / ${formatCount(swap.observations.after, locale)}`}
            />
          </dl>
          {ranges ? <VerdictWords swap={swap} zone={clock.zone} /> : <p className="text-sm">{t("detail.noWindow")}</p>}
        </Card>

        {swap.observations.of === "pnl" ? (
          <Card
            covers="trades"
            title={t("detail.outcomesTitle")}
            caption={t("detail.outcomesCaption", { currency: pnlCurrency })}
            explain={{ figure: "weightedPnl", name: t("detail.outcomesTitle") }}
          >
            <figure aria-label={t("detail.outcomesFigure", { agent: swap.agentName, id: swap.id })}>
              <figcaption className="sr-only">
                {t("detail.outcomesSummary", {
                  before: before.length,
                  after: after.length,
                  meanBefore: mean(before),
                  meanAfter: mean(after),
                })}
              </figcaption>
              <OutcomeStrip
                before={before}
                after={after}
                labels={{ before: t("detail.before"), after: t("detail.after") }}
                formatValue={money}
              />
            </figure>
          </Card>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">{t("detail.callsOnly", { agent: swap.agentName })}</p>
        )}

        <Card
          covers="calls"
          title={t("detail.windowsTitle")}
          caption={t("detail.windowsCaption", { agent: swap.agentName })}
        >
          <Table
            caption={t("detail.windowsTable", { id: swap.id })}
            rows={windows}
            rowKey={(w) => w.key}
            empty=""
            columns={[
              { header: t("detail.columns.window"), cell: (w) => w.label },
              { header: t("detail.columns.model"), cell: (w) => w.model },
              {
                header: t("detail.columns.trades"),
                numeric: true,
                figure: "trades",
                cell: (w) => formatCount(w.trades, locale),
              },
              {
                header: t("detail.columns.score"),
                numeric: true,
                figure: "efficiencyScore",
                cell: (w) => (w.pnlScore === null ? "—" : money(w.pnlScore)),
              },
              {
                header: t("detail.columns.calls"),
                numeric: true,
                figure: "llmCalls",
                cell: (w) => formatCount(w.calls, locale),
              },
              {
                header: t("detail.columns.successRate"),
                numeric: true,
                figure: "successRate",
                cell: (w) => percentOf(w.successRate, locale),
              },
              {
                header: t("detail.columns.cost"),
                numeric: true,
                figure: "llmCost",
                cell: (w) => formatUsd(w.costUsd, locale),
              },
              {
                header: t("detail.columns.costPerTrade"),
                numeric: true,
                figure: "costPerTrade",
                cell: (w) => (w.trades > 0 ? formatUsd(w.costUsd / w.trades, locale) : "—"),
              },
            ]}
          />
        </Card>

        {ranges
          ? (
              [
                ["before", before, ranges.before],
                ["after", after, ranges.after],
              ] as const
            ).map(([window, trades, [from, to]]) => (
              <Card
                key={window}
                covers="trades"
                title={window === "before" ? t("detail.tradesBefore") : t("detail.tradesAfter")}
                caption={t("detail.tradesCaption", { from: time(from), to: time(to) })}
              >
                <Table
                  caption={t("detail.tradesTable", { id: swap.id, window })}
                  rows={trades}
                  rowKey={(o) => o.rowid}
                  empty={t("detail.noTrades")}
                  columns={[
                    { header: t("detail.columns.time"), cell: (o) => time(o.eventMs) },
                    {
                      header: t("detail.columns.trade"),
                      cell: (o) => (
                        <Link className="hover:underline" href={tradeHref({ tradeId: o.tradeId, rowid: o.rowid })}>
                          {o.tradeId ?? `#${o.rowid}`}
                        </Link>
                      ),
                      text: (o) => o.tradeId ?? o.rowid,
                    },
                    { header: t("detail.columns.order"), cell: (o) => `${o.action} ${o.ticker}` },
                    {
                      header: t("detail.columns.contribution"),
                      numeric: true,
                      figure: "contribution",
                      cell: (o) => o.contribution.toFixed(3),
                    },
                    {
                      header: t("detail.columns.pnl"),
                      numeric: true,
                      figure: "pnl7Days",
                      cell: (o) => money(o.pnl7Days),
                    },
                    {
                      header: t("detail.columns.weighted"),
                      numeric: true,
                      figure: "weightedPnl",
                      cell: (o) => money(o.value),
                    },
                  ]}
                />
              </Card>
            ))
          : null}
      </div>
    </>
  );
}

function percentOf(rate: number | null, locale: Awaited<ReturnType<typeof getLocale>>): string {
  return rate === null ? "—" : formatPercent(rate * 100, locale, 1);
}
