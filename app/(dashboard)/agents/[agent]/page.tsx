import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getAgentPerformance } from "@/db/queries/agent-performance";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { getSwapLog } from "@/db/queries/swap-log";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ScatterPlot } from "@/components/charts/scatter-plot";
import { PeriodPicker } from "@/components/ui/period-picker";
import { getAgentStory } from "@/db/queries/agent-story";
import { formatCount, formatDateTime, formatMoney, formatPercent, formatUsd, zoneLabel } from "@/lib/format";
import { GOOD, seriesColour } from "@/lib/palette";
import { periodPhrase, periodTag } from "@/lib/period";
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
  const clock = requestClock();
  const { period, problem } = readAgentSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const agent = getAgentRoster(ctx).find((a) => a.name === name);
  if (!agent) notFound();
  const performance = getAgentPerformance(ctx, name);
  const swaps = getSwapLog(ctx, { agent: name });
  const story = getAgentStory(ctx, name);
  const daily = agentDailySeries({
    days: story.days,
    trades: story.tradeDays,
    costs: story.costs,
    ratings: performance,
  });
  const { markers, bands } = swapMarks(swaps, ctx);
  const p = period.label;
  const tag = periodTag(period);
  return (
    <>
      <PageHeader
        title={name}
        subtitle={`${agent.workflow} workflow · runs ${agent.provider ?? "?"} · ${agent.model ?? "?"} now`}
      >
        <div className="flex flex-wrap items-center gap-4">
          <PeriodPicker path={`/agents/${encodeURIComponent(name)}`} period={period} problem={problem} />
          <Link
            href={`/evolution?agent=${encodeURIComponent(name)}`}
            className="text-sm font-medium text-emerald-700 underline dark:text-emerald-400"
          >
            Swap history
          </Link>
          <Link
            href={`/evolution?swap=${encodeURIComponent(name)}#swap-form`}
            className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800"
          >
            Swap this agent&apos;s model
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
          {[
            [`LLM calls (${p})`, formatCount(agent.calls)],
            [`LLM cost (${p})`, formatUsd(agent.costUsd)],
            [`Trades involved (${p})`, formatCount(agent.tradesInvolved)],
            [
              `Efficiency (${p})`,
              agent.efficiencyScore === null ? "—" : formatCount(Math.round(agent.efficiencyScore)),
            ],
          ].map(([label, value]) => (
            <div
              key={label}
              className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <Card
          title="Performance over time"
          caption={`per day in ${zoneLabel(ctx.zone)} · dashed lines: model swaps · shaded: their validation windows`}
        >
          <ChartFigure
            title={`${name}'s performance over time`}
            summary={`${name}'s contribution-weighted 7-day PnL per day and the reflection loop's weekly rating, with ${markers.length} model swap(s) marked.`}
            data={daily.rows}
            series={[{ key: "score", label: `Contribution × PnL per trade (${pnlCurrency})`, colour: GOOD }]}
            kind="bar"
            unit="money"
            currency={pnlCurrency}
            markers={markers}
            bands={bands}
            empty="No trade with a known 7-day PnL carries a contribution from this agent in this period."
          />
          <ChartFigure
            title={`${name}'s weekly rating`}
            summary={`The reflection loop's weekly performance rating of ${name}.`}
            data={daily.rows}
            series={[{ key: "rating", label: "Weekly rating", colour: seriesColour(1) }]}
            kind="line"
            unit="score"
            markers={markers}
            bands={bands}
            height={160}
            showTitle
            empty="No weekly rating from the reflection loop in this period."
          />
        </Card>
        <Card title="LLM cost by model (USD)" caption={`per day · ${daily.models.length} model(s) in the period`}>
          <ChartFigure
            title={`${name}'s LLM cost by model`}
            summary={`${name}'s LLM cost per day, stacked by model (${daily.models.join(", ") || "none"}).`}
            data={daily.models.length > 0 ? daily.rows : []}
            series={daily.models.map((m, i) => ({ key: `m${i}`, label: m, colour: seriesColour(i) }))}
            kind="bar"
            stacked
            unit="usd"
            markers={markers}
            empty="No LLM calls by this agent in this period."
          />
          <Table
            caption={`${name}'s calls by model`}
            csv={`${name}-llm-by-model-${tag}`}
            rows={story.usage}
            rowKey={(u) => u.model}
            empty="No LLM calls by this agent in this period."
            columns={[
              { header: "Model", cell: (u) => `${u.provider} · ${u.model}` },
              { header: "Calls", numeric: true, cell: (u) => formatCount(u.calls) },
              { header: "Succeeded", numeric: true, cell: (u) => formatPercent((u.successes / u.calls) * 100) },
              { header: "Cost", numeric: true, cell: (u) => formatUsd(u.cost) },
              { header: "Cost per call", numeric: true, cell: (u) => formatUsd(u.cost / u.calls) },
              {
                header: "Avg latency",
                numeric: true,
                cell: (u) => `${formatCount(Math.round(u.latencySum / u.calls))} ms`,
              },
              { header: "Tokens", numeric: true, cell: (u) => formatCount(u.tokens) },
            ]}
          />
        </Card>
        <Card
          title="Contribution against PnL"
          caption={`each dot a trade with a known 7-day PnL (newest ${formatCount(story.points.length)}) · correlation r = ${story.correlation === null ? "—" : story.correlation.toFixed(2)}`}
        >
          {story.points.length === 0 ? (
            <p className="py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">
              No trade with a known 7-day PnL carries a contribution from this agent in this period.
            </p>
          ) : (
            <figure aria-label={`${name}'s contribution against PnL`}>
              <figcaption className="sr-only">{`${story.points.length} trades; the correlation between ${name}'s contribution and the trade's 7-day PnL is ${story.correlation === null ? "undefined" : story.correlation.toFixed(2)}.`}</figcaption>
              <div aria-hidden>
                <ScatterPlot
                  points={story.points}
                  xLabel="Contribution"
                  yLabel={`7-day PnL (${pnlCurrency})`}
                  yUnit="money"
                  currency={pnlCurrency}
                  colour={GOOD}
                />
              </div>
            </figure>
          )}
        </Card>
        <Card title="Newest trades it contributed to" caption={`times in ${zoneLabel(ctx.zone)}`}>
          <Table
            caption={`Trades ${name} contributed to`}
            csv={`${name}-trades-${tag}`}
            rows={story.recentTrades}
            rowKey={(t) => `${t.tradeId}-${t.atMs}`}
            empty="No trades with a contribution from this agent in this period."
            columns={[
              { header: "When", cell: (t) => formatDateTime(t.atMs, ctx.zone) },
              {
                header: "Trade",
                text: (t) => `${t.tradeId ?? ""} ${t.action} ${t.ticker}`,
                cell: (t) =>
                  t.tradeId ? (
                    <Link
                      href={`/trades/${encodeURIComponent(t.tradeId)}`}
                      className="hover:underline"
                    >{`${t.action} ${t.ticker}`}</Link>
                  ) : (
                    `${t.action} ${t.ticker}`
                  ),
              },
              { header: "Contribution", numeric: true, cell: (t) => t.contribution.toFixed(3) },
              {
                header: "CIO confidence",
                numeric: true,
                cell: (t) => (t.confidence === null ? "—" : formatPercent(t.confidence * 100, 0)),
              },
              {
                header: `7-day PnL (${pnlCurrency})`,
                numeric: true,
                cell: (t) => (t.pnl === null ? "pending" : formatMoney(t.pnl, pnlCurrency)),
              },
              {
                header: "Contribution × PnL",
                numeric: true,
                cell: (t) => (t.pnl === null ? "—" : formatMoney(t.contribution * t.pnl, pnlCurrency)),
              },
            ]}
          />
        </Card>
        <Card title="Weekly performance" caption="the reflection loop's agent_performance rows, newest first">
          <Table
            caption={`${name}'s performance by week`}
            csv={`${name}-weekly-${tag}`}
            rows={performance}
            rowKey={(r) => r.id}
            empty={`No performance rows for this agent in ${periodPhrase(period)}; the reflection loop writes them weekly.`}
            columns={[
              { header: "Week", cell: (r) => `${r.periodStart} – ${r.periodEnd}` },
              { header: "Rating", numeric: true, cell: (r) => r.performanceRating.toFixed(1) },
              { header: "Wins / losses", numeric: true, cell: (r) => `${r.wins} / ${r.losses}` },
              {
                header: `PnL attributed (${pnlCurrency})`,
                numeric: true,
                cell: (r) => formatMoney(r.totalPnlAttributed, pnlCurrency),
              },
            ]}
          />
        </Card>
        <Card title="Model swaps" caption={`times in ${ctx.zone}`}>
          <Table
            caption={`${name}'s model swaps`}
            csv={`${name}-swaps`}
            rows={swaps}
            rowKey={(s) => s.id}
            empty="This agent has run its configured model throughout."
            columns={[
              { header: "When", cell: (s) => formatDateTime(s.atMs, ctx.zone) },
              { header: "From → to", cell: (s) => `${s.oldModel} → ${s.newModel}` },
              { header: "Trigger", cell: (s) => s.triggeredBy },
              { header: "Reason", wrap: true, cell: (s) => s.reason },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
