import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Card } from "@/components/ui/card";
import { LinkSwitch } from "@/components/ui/link-switch";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Stat } from "@/components/ui/stat";
import { Table } from "@/components/ui/table";
import { requestClock } from "@/db/queries/request-clock";
import { getCostsByDay } from "@/db/queries/cost-series";
import { getUsageBreakdown } from "@/db/queries/llm-usage-breakdown";
import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { formatCompact, formatCount, formatPercent, formatUsd, zoneLabel } from "@/lib/format";
import { providerColour, seriesColour } from "@/lib/palette";
import { periodParams, periodPhrase, periodTag } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { costSeries, type CostDimension } from "@/lib/series/costs";
import { COSTS_BY, readCostsSearch, type CostsSearchParams } from "./search-params";

export const metadata = { title: "Costs" };

const BY_LABELS: Record<CostDimension, string> = {
  provider: "Provider",
  model: "Model",
  agent: "Agent",
  request_type: "Request type",
};

export default async function CostsPage({ searchParams }: { searchParams: Promise<CostsSearchParams> }) {
  const clock = requestClock();
  const { period, problem, by } = readCostsSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const usage = getLlmUsageStats(ctx);
  const breakdown = getUsageBreakdown(ctx);
  const byDay = getCostsByDay(ctx, by);
  const series = costSeries(byDay.days, byDay.costs);
  const tag = periodTag(period);
  const linked = (params: Record<string, string>) =>
    new URLSearchParams({ ...periodParams(period), ...params }).toString();
  const providers = Object.entries(usage.providerStats)
    .map(([provider, s]) => ({ provider, ...s }))
    .sort((a, b) => b.totalCost - a.totalCost);
  const agents = Object.entries(usage.agentStats)
    .map(([agent, s]) => ({ agent, ...s }))
    .sort((a, b) => b.totalCost - a.totalCost);
  const total = providers.reduce(
    (sum, p) => ({
      calls: sum.calls + p.totalRequests,
      tokens: sum.tokens + p.totalTokens,
      cost: sum.cost + p.totalCost,
    }),
    { calls: 0, tokens: 0, cost: 0 },
  );
  const colour = (group: string, i: number) => (by === "provider" ? providerColour(group, i) : seriesColour(i));
  const chartSeries = series.groups.map((g, i) => ({ key: `g${i}`, label: g, colour: colour(g, i) }));
  const empty = "No LLM calls in this period: the trading system logs every call to llm_usage_log as its agents run.";
  const { p50, p95, p99 } = breakdown.latencyMs;
  return (
    <>
      <PageHeader
        title="LLM usage and cost"
        subtitle={`Calls of ${periodPhrase(period)}; costs in USD, failed calls included`}
      >
        <PeriodPicker path="/costs" keep={by === COSTS_BY ? undefined : `by=${by}`} period={period} problem={problem} />
      </PageHeader>
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-6">
          <Stat
            label="LLM cost (USD)"
            value={formatUsd(total.cost)}
            detail={`${formatUsd(breakdown.costPerSuccessfulCall)} per successful call`}
          />
          <Stat
            label="Calls"
            value={formatCount(total.calls)}
            detail={`${formatPercent(total.calls > 0 ? 100 - breakdown.errors.errorRate : null)} succeeded`}
          />
          <Stat
            label="Tokens"
            value={formatCompact(total.tokens)}
            detail={
              total.tokens > 0
                ? `${formatCount(total.tokens)} · ${formatUsd((total.cost / total.tokens) * 1000)} per 1K`
                : undefined
            }
          />
          <Stat
            label="Failed calls"
            value={formatCount(breakdown.errors.failedRequests)}
            detail={`${formatPercent(breakdown.errors.errorRate)} of calls`}
            tone={breakdown.errors.failedRequests > 0 ? "bad" : "neutral"}
          />
          <Stat
            label="Latency p50 / p95"
            value={p50 === null ? "—" : `${formatCount(Math.round(p50))} ms`}
            detail={p95 === null ? undefined : `p95 ${formatCount(Math.round(p95))} ms`}
          />
          <Stat
            label="Latency p99"
            value={p99 === null ? "—" : `${formatCount(Math.round(p99))} ms`}
            detail="within 5 % (histogram buckets)"
          />
        </dl>
        <Card
          title={`Cost over time by ${BY_LABELS[by].toLowerCase()} (USD)`}
          caption={`per ${series.interval} in ${zoneLabel(ctx.zone)}`}
        >
          <div className="mb-3">
            <LinkSwitch
              label="Group the charts by"
              options={(Object.keys(BY_LABELS) as CostDimension[]).map((d) => ({
                label: BY_LABELS[d],
                href: `/costs?${linked({ by: d })}`,
                current: d === by,
              }))}
            />
          </div>
          <ChartFigure
            title={`LLM cost per ${series.interval} by ${BY_LABELS[by].toLowerCase()}`}
            summary={`LLM cost per ${series.interval} of ${periodPhrase(period)}, stacked by ${BY_LABELS[by].toLowerCase()}: ${series.groups.join(", ") || "none"}.`}
            data={series.cost}
            series={chartSeries}
            kind="bar"
            stacked
            unit="usd"
            empty={empty}
          />
          <h3 className="mt-4 mb-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
            Tokens per {series.interval}
          </h3>
          <ChartFigure
            title={`Tokens per ${series.interval} by ${BY_LABELS[by].toLowerCase()}`}
            summary={`Tokens used per ${series.interval}, stacked by ${BY_LABELS[by].toLowerCase()}.`}
            data={series.tokens}
            series={chartSeries}
            kind="area"
            stacked
            unit="count"
            height={180}
            empty={empty}
          />
        </Card>
        <div className="grid gap-6 2xl:grid-cols-2">
          <Card title="By provider">
            <Table
              caption="LLM usage by provider"
              csv={`llm-by-provider-${tag}`}
              rows={providers}
              rowKey={(r) => r.provider}
              empty={empty}
              columns={[
                { header: "Provider", cell: (r) => r.provider },
                { header: "Calls", numeric: true, cell: (r) => formatCount(r.totalRequests) },
                { header: "Tokens", numeric: true, cell: (r) => formatCount(r.totalTokens) },
                { header: "Cost", numeric: true, cell: (r) => formatUsd(r.totalCost) },
                {
                  header: "Avg latency",
                  numeric: true,
                  cell: (r) => `${formatCount(Math.round(r.avgResponseTime))} ms`,
                },
                { header: "Success rate", numeric: true, cell: (r) => formatPercent(r.successRate) },
              ]}
            />
          </Card>
          <Card title="By request type">
            <Table
              caption="LLM usage by request type"
              csv={`llm-by-request-type-${tag}`}
              rows={breakdown.byRequestType}
              rowKey={(r) => r.requestType}
              empty={empty}
              columns={[
                { header: "Request type", cell: (r) => r.requestType },
                { header: "Calls", numeric: true, cell: (r) => formatCount(r.calls) },
                { header: "Tokens", numeric: true, cell: (r) => formatCount(r.tokens) },
                { header: "Cost", numeric: true, cell: (r) => formatUsd(r.cost) },
                { header: "Success rate", numeric: true, cell: (r) => formatPercent((r.successes / r.calls) * 100) },
              ]}
            />
          </Card>
        </div>
        <Card title="By model" caption="models by canonical name; the names written in the log are listed with them">
          <Table
            caption="LLM usage by model"
            csv={`llm-by-model-${tag}`}
            rows={breakdown.byModel}
            rowKey={(r) => `${r.provider}/${r.model}`}
            empty={empty}
            columns={[
              { header: "Model", cell: (r) => `${r.provider} · ${r.model}` },
              { header: "Written as", wrap: true, cell: (r) => r.rawNames.join(", ") },
              { header: "Calls", numeric: true, cell: (r) => formatCount(r.calls) },
              { header: "Tokens", numeric: true, cell: (r) => formatCount(r.tokens) },
              { header: "Cost", numeric: true, cell: (r) => formatUsd(r.cost) },
              {
                header: "Per 1K tokens",
                numeric: true,
                cell: (r) => (r.tokens > 0 ? formatUsd((r.cost / r.tokens) * 1000) : "—"),
              },
              { header: "Success rate", numeric: true, cell: (r) => formatPercent((r.successes / r.calls) * 100) },
            ]}
          />
        </Card>
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="By agent">
            <Table
              caption="LLM usage by agent"
              csv={`llm-by-agent-${tag}`}
              rows={agents}
              rowKey={(r) => r.agent}
              empty={empty}
              columns={[
                {
                  header: "Agent",
                  text: (r) => r.agent,
                  cell: (r) => (
                    <Link href={`/agents/${encodeURIComponent(r.agent)}?${linked({})}`} className="hover:underline">
                      {r.agent}
                    </Link>
                  ),
                },
                { header: "Calls", numeric: true, cell: (r) => formatCount(r.totalRequests) },
                { header: "Cost", numeric: true, cell: (r) => formatUsd(r.totalCost) },
                {
                  header: "Avg latency",
                  numeric: true,
                  cell: (r) => `${formatCount(Math.round(r.avgResponseTime))} ms`,
                },
              ]}
            />
          </Card>
          <Card
            title="Failing calls"
            caption={`${formatCount(breakdown.errors.failedRequests)} failed · ${formatPercent(breakdown.errors.errorRate)}`}
          >
            <Table
              caption="The most frequent errors of failed LLM calls"
              csv={`llm-errors-${tag}`}
              rows={breakdown.errors.mostFrequent}
              rowKey={(e) => e.message}
              empty="No call failed in this period."
              columns={[
                { header: "Error", wrap: true, cell: (e) => e.message },
                { header: "Calls", numeric: true, cell: (e) => formatCount(e.count) },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
