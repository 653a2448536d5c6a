import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getAgentPerformance } from "@/db/queries/agent-performance";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getAgentRuns } from "@/db/queries/agent-runs";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { pageClock } from "@/db/queries/page-clock";
import { getSwapLog } from "@/db/queries/swap-log";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ScatterPlot } from "@/components/charts/scatter-plot";
import { ModelHistory } from "@/components/agents/model-history";
import { RunsLine } from "@/components/agents/runs-line";
import { PeriodPicker } from "@/components/ui/period-picker";
import { periodText } from "@/components/ui/period-text";
import { getAgentStory } from "@/db/queries/agent-story";
import { formatCount, formatDateTime, formatMoney, formatPercent, formatUsd, zoneLabel } from "@/lib/format";
import { GOOD, seriesColour } from "@/lib/palette";
import { periodTag } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { agentDailySeries } from "@/lib/series/agent-daily";
import { swapMarks } from "@/lib/series/agent-swaps";
import { readAgentSearch, type AgentSearch } from "./search-params";

export default async function AgentPage({
  params,
  searchParams,
}: {
  params: Promise<{ agent: string }>;
  searchParams: Promise<AgentSearch>;
}) {
  const name = decodeURIComponent((await params).agent);
  const clock = await pageClock(searchParams);
  const { period, problem } = readAgentSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const agent = getAgentRoster(ctx).find((a) => a.name === name);
  if (!agent) notFound();
  const t = await getTranslations("agent");
  const locale = await getLocale();
  const performance = getAgentPerformance(ctx, name);
  const swaps = getSwapLog(ctx, { agent: name });
  const story = getAgentStory(ctx, name);
  const daily = agentDailySeries({
    days: story.days,
    trades: story.tradeDays,
    costs: story.costs,
    ratings: performance,
  });
  const { markers, bands } = swapMarks(swaps, ctx, (model) => t("validating", { model }));
  const p = await periodText(period);
  const tag = periodTag(period);
  const zone = zoneLabel(ctx.zone, ctx.now);
  const r = story.correlation === null ? null : story.correlation.toFixed(2);
  return (
    <>
      <PageHeader
        title={t("title", { name })}
        subtitle={t("subtitle", {
          workflow: agent.workflow,
          provider: agent.provider ?? "?",
          model: agent.model ?? "?",
        })}
      >
        <div className="flex flex-wrap items-center gap-4">
          <PeriodPicker path={`/agents/${encodeURIComponent(name)}`} period={period} problem={problem} />
          <Link
            href={`/evolution?agent=${encodeURIComponent(name)}`}
            className="text-sm font-medium text-emerald-700 underline dark:text-emerald-400"
          >
            {t("swapHistory")}
          </Link>
          <Link
            href={`/evolution?swap=${encodeURIComponent(name)}#swap-form`}
            className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800"
          >
            {t("swapModel")}
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        {agent.description ? <p className="text-sm text-zinc-600 dark:text-zinc-300">{agent.description}</p> : null}
        <RunsLine runs={getAgentRuns(ctx, { agent: name })[0]} zone={ctx.zone} />
        <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
          <Stat
            label={t("stats.calls", { period: p.label })}
            figure="llmCalls"
            value={formatCount(agent.calls, locale)}
          />
          <Stat
            label={t("stats.cost", { period: p.label })}
            figure="llmCost"
            value={formatUsd(agent.costUsd, locale)}
          />
          <Stat
            label={t("stats.trades", { period: p.label })}
            figure="trades"
            value={formatCount(agent.tradesInvolved, locale)}
          />
          <Stat
            label={t("stats.efficiency", { period: p.label })}
            figure="efficiencyScore"
            value={agent.efficiencyScore === null ? "—" : formatCount(Math.round(agent.efficiencyScore), locale)}
          />
        </dl>
        <Card covers="trades" title={t("performance.title")} caption={t("performance.caption", { zone })}>
          <ChartFigure
            title={t("performance.scoreTitle", { name })}
            figure="dailyEfficiency"
            summary={t("performance.scoreSummary", { name, swaps: markers.length })}
            data={daily.rows}
            series={[{ key: "score", label: t("performance.scoreSeries", { currency: pnlCurrency }), colour: GOOD }]}
            kind="bar"
            unit="money"
            currency={pnlCurrency}
            markers={markers}
            bands={bands}
            empty={t("noContributionWithPnl")}
          />
          <ChartFigure
            title={t("performance.ratingTitle", { name })}
            figure="performanceRating"
            summary={t("performance.ratingSummary", { name })}
            data={daily.rows}
            series={[{ key: "rating", label: t("performance.ratingSeries"), colour: seriesColour(1) }]}
            kind="line"
            unit="score"
            markers={markers}
            bands={bands}
            height={160}
            showTitle
            empty={t("performance.noRating")}
          />
        </Card>
        <Card covers="calls" title={t("cost.title")} caption={t("cost.caption", { models: daily.models.length })}>
          <ChartFigure
            title={t("cost.chartTitle", { name })}
            figure="llmCost"
            summary={t("cost.chartSummary", { name, models: daily.models.join(", ") || t("cost.noModels") })}
            data={daily.models.length > 0 ? daily.rows : []}
            series={daily.models.map((m, i) => ({ key: `m${i}`, label: m, colour: seriesColour(i) }))}
            kind="bar"
            stacked
            unit="usd"
            markers={markers}
            empty={t("cost.noCalls")}
          />
          <Table
            caption={t("cost.tableCaption", { name })}
            csv={`${name}-llm-by-model-${tag}`}
            rows={story.usage}
            rowKey={(u) => u.model}
            empty={t("cost.noCalls")}
            columns={[
              { header: t("cost.column.model"), cell: (u) => `${u.provider} · ${u.model}` },
              {
                header: t("cost.column.calls"),
                numeric: true,
                figure: "llmCalls",
                cell: (u) => formatCount(u.calls, locale),
              },
              {
                header: t("cost.column.succeeded"),
                numeric: true,
                figure: "successRate",
                cell: (u) => formatPercent((u.successes / u.calls) * 100, locale),
              },
              {
                header: t("cost.column.cost"),
                numeric: true,
                figure: "llmCost",
                cell: (u) => formatUsd(u.cost, locale),
              },
              {
                header: t("cost.column.perCall"),
                numeric: true,
                figure: "costPerCall",
                cell: (u) => formatUsd(u.cost / u.calls, locale),
              },
              {
                header: t("cost.column.latency"),
                numeric: true,
                figure: "avgLatency",
                cell: (u) => `${formatCount(Math.round(u.latencySum / u.calls), locale)} ms`,
              },
              {
                header: t("cost.column.tokens"),
                numeric: true,
                figure: "tokens",
                cell: (u) => formatCount(u.tokens, locale),
              },
            ]}
          />
        </Card>
        <Card
          covers="trades"
          title={t("scatter.title")}
          caption={t("scatter.caption", { points: story.points.length, r: r ?? "—" })}
          explain={{ figure: "contributionScatter", name: t("scatter.title") }}
        >
          {story.points.length === 0 ? (
            <p className="py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{t("noContributionWithPnl")}</p>
          ) : (
            <figure aria-label={t("scatter.figure", { name })}>
              <figcaption className="sr-only">
                {t("scatter.summary", { points: story.points.length, name, r: r ?? t("scatter.noCorrelation") })}
              </figcaption>
              <div aria-hidden>
                <ScatterPlot
                  points={story.points}
                  xLabel={t("scatter.x")}
                  yLabel={t("scatter.y", { currency: pnlCurrency })}
                  yUnit="money"
                  currency={pnlCurrency}
                  colour={GOOD}
                />
              </div>
            </figure>
          )}
        </Card>
        <Card covers="trades" title={t("trades.title")} caption={t("timesIn", { zone })}>
          <Table
            caption={t("trades.tableCaption", { name })}
            csv={`${name}-trades-${tag}`}
            rows={story.recentTrades}
            rowKey={(trade) => `${trade.tradeId}-${trade.atMs}`}
            empty={t("trades.empty")}
            columns={[
              { header: t("trades.column.when"), cell: (trade) => formatDateTime(trade.atMs, ctx.zone, locale) },
              {
                header: t("trades.column.trade"),
                text: (trade) => `${trade.tradeId ?? ""} ${trade.action} ${trade.ticker}`,
                cell: (trade) =>
                  trade.tradeId ? (
                    <Link
                      href={`/trades/${encodeURIComponent(trade.tradeId)}`}
                      className="hover:underline"
                    >{`${trade.action} ${trade.ticker}`}</Link>
                  ) : (
                    `${trade.action} ${trade.ticker}`
                  ),
              },
              {
                header: t("trades.column.contribution"),
                numeric: true,
                figure: "contribution",
                cell: (trade) => trade.contribution.toFixed(3),
              },
              {
                header: t("trades.column.confidence"),
                numeric: true,
                figure: "decisionConfidence",
                cell: (trade) => (trade.confidence === null ? "—" : formatPercent(trade.confidence * 100, locale, 0)),
              },
              {
                header: t("trades.column.pnl", { currency: pnlCurrency }),
                numeric: true,
                figure: "pnl7Days",
                cell: (trade) =>
                  trade.pnl === null ? t("trades.pending") : formatMoney(trade.pnl, pnlCurrency, locale),
              },
              {
                header: t("trades.column.weighted"),
                numeric: true,
                figure: "weightedPnl",
                cell: (trade) =>
                  trade.pnl === null ? "—" : formatMoney(trade.contribution * trade.pnl, pnlCurrency, locale),
              },
            ]}
          />
        </Card>
        <Card title={t("weekly.title")} caption={t("weekly.caption")}>
          <Table
            caption={t("weekly.tableCaption", { name })}
            csv={`${name}-weekly-${tag}`}
            rows={performance}
            rowKey={(week) => week.id}
            empty={t("weekly.empty", { period: p.phrase })}
            columns={[
              { header: t("weekly.column.week"), cell: (week) => `${week.periodStart} – ${week.periodEnd}` },
              {
                header: t("weekly.column.rating"),
                numeric: true,
                figure: "performanceRating",
                cell: (week) => week.performanceRating.toFixed(1),
              },
              {
                header: t("weekly.column.winsLosses"),
                numeric: true,
                figure: "agentWinsLosses",
                cell: (week) => `${week.wins} / ${week.losses}`,
              },
              {
                header: t("weekly.column.pnl", { currency: pnlCurrency }),
                numeric: true,
                figure: "pnlAttributed",
                cell: (week) => formatMoney(week.totalPnlAttributed, pnlCurrency, locale),
              },
            ]}
          />
        </Card>
        <Card title={t("swaps.title")} caption={t("timesIn", { zone: ctx.zone })}>
          <Table
            caption={t("swaps.tableCaption", { name })}
            csv={`${name}-swaps`}
            rows={swaps}
            rowKey={(s) => s.id}
            empty={t("swaps.empty")}
            columns={[
              { header: t("swaps.column.when"), cell: (s) => formatDateTime(s.atMs, ctx.zone, locale) },
              { header: t("swaps.column.fromTo"), cell: (s) => `${s.oldModel} → ${s.newModel}` },
              { header: t("swaps.column.trigger"), cell: (s) => s.triggeredBy },
              { header: t("swaps.column.reason"), wrap: true, cell: (s) => s.reason },
            ]}
          />
        </Card>
        <ModelHistory ctx={ctx} currency={pnlCurrency} agent={name} />
      </div>
    </>
  );
}
