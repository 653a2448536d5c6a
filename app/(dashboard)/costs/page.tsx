import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Card } from "@/components/ui/card";
import { LinkSwitch } from "@/components/ui/link-switch";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Stat } from "@/components/ui/stat";
import { Table } from "@/components/ui/table";
import { pageClock } from "@/db/queries/page-clock";
import { getCostsByDay } from "@/db/queries/cost-series";
import { getUsageBreakdown } from "@/db/queries/llm-usage-breakdown";
import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { formatCompact, formatCount, formatPercent, formatUsd, zoneLabel } from "@/lib/format";
import { providerColour, seriesColour } from "@/lib/palette";
import { periodText } from "@/components/ui/period-text";
import { periodParams, periodTag } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { COST_DIMENSIONS, costSeries } from "@/lib/series/costs";
import { COSTS_BY, readCostsSearch, type CostsSearchParams } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("costs");
  return { title: t("title") };
}

export default async function CostsPage({ searchParams }: { searchParams: Promise<CostsSearchParams> }) {
  const t = await getTranslations("costs");
  const locale = await getLocale();
  const clock = await pageClock(searchParams);
  const { period, problem, by } = readCostsSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const usage = getLlmUsageStats(ctx);
  const breakdown = getUsageBreakdown(ctx);
  const byDay = getCostsByDay(ctx, by);
  const series = costSeries(byDay.days, byDay.costs);
  const tag = periodTag(period);
  const { phrase } = await periodText(period);
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
  // The summed rest is named in the reader's language; the groups are the log's own names.
  const groupName = (group: string, i: number) =>
    series.summed && i === series.groups.length - 1 ? t("other") : group;
  const chartSeries = series.groups.map((g, i) => ({ key: `g${i}`, label: groupName(g, i), colour: colour(g, i) }));
  const empty = t("empty");
  const { p50, p95, p99 } = breakdown.latencyMs;
  const byName = t(`dimension.${by}.inSentence`);
  const interval = series.interval;
  const ms = (value: number) => t("ms", { value: Math.round(value) });
  return (
    <>
      <PageHeader title={t("heading")} subtitle={t("subtitle", { period: phrase })}>
        <PeriodPicker path="/costs" keep={by === COSTS_BY ? undefined : `by=${by}`} period={period} problem={problem} />
      </PageHeader>
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4 xl:grid-cols-6">
          <Stat
            label={t("stats.cost.label")}
            figure="llmCost"
            value={formatUsd(total.cost, locale)}
            detail={t("stats.cost.detail", { amount: formatUsd(breakdown.costPerSuccessfulCall, locale) })}
          />
          <Stat
            label={t("stats.calls.label")}
            figure="llmCalls"
            value={formatCount(total.calls, locale)}
            detail={t("stats.calls.detail", {
              share: formatPercent(total.calls > 0 ? 100 - breakdown.errors.errorRate : null, locale),
            })}
          />
          <Stat
            label={t("stats.tokens.label")}
            figure="tokens"
            value={formatCompact(total.tokens, locale)}
            detail={
              total.tokens > 0
                ? t("stats.tokens.detail", {
                    tokens: total.tokens,
                    amount: formatUsd((total.cost / total.tokens) * 1000, locale),
                  })
                : undefined
            }
          />
          <Stat
            label={t("stats.failed.label")}
            figure="failedCalls"
            value={formatCount(breakdown.errors.failedRequests, locale)}
            detail={t("stats.failed.detail", { share: formatPercent(breakdown.errors.errorRate, locale) })}
            tone={breakdown.errors.failedRequests > 0 ? "bad" : "neutral"}
          />
          <Stat
            label={t("stats.latency.label")}
            figure="latencyPercentile"
            value={p50 === null ? "—" : ms(p50)}
            detail={p95 === null ? undefined : t("stats.latency.detail", { value: Math.round(p95) })}
          />
          <Stat
            label={t("stats.latencyP99.label")}
            figure="latencyPercentile"
            value={p99 === null ? "—" : ms(p99)}
            detail={t("stats.latencyP99.detail")}
          />
        </dl>
        <Card
          covers="calls"
          title={t("overTime.title", { by: byName })}
          caption={t("overTime.caption", { interval, zone: zoneLabel(ctx.zone, ctx.now) })}
        >
          <div className="mb-3">
            <LinkSwitch
              label={t("overTime.groupBy")}
              options={COST_DIMENSIONS.map((d) => ({
                label: t(`dimension.${d}.name`),
                href: `/costs?${linked({ by: d })}`,
                current: d === by,
              }))}
            />
          </div>
          <ChartFigure
            title={t("overTime.costChart", { interval, by: byName })}
            figure="llmCost"
            summary={t("overTime.costSummary", {
              interval,
              period: phrase,
              by: byName,
              groups: series.groups.map(groupName).join(", ") || t("none"),
            })}
            data={series.cost}
            series={chartSeries}
            kind="bar"
            stacked
            unit="usd"
            empty={empty}
          />
          <h3 className="mt-4 mb-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
            {t("overTime.tokensHeading", { interval })}
          </h3>
          <ChartFigure
            title={t("overTime.tokensChart", { interval, by: byName })}
            figure="tokens"
            summary={t("overTime.tokensSummary", { interval, by: byName })}
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
          <Card covers="calls" title={t("byProvider.title")}>
            <Table
              caption={t("byProvider.table")}
              csv={`llm-by-provider-${tag}`}
              rows={providers}
              rowKey={(r) => r.provider}
              empty={empty}
              columns={[
                { header: t("columns.provider"), cell: (r) => r.provider },
                {
                  header: t("columns.calls"),
                  numeric: true,
                  figure: "llmCalls",
                  cell: (r) => formatCount(r.totalRequests, locale),
                },
                {
                  header: t("columns.tokens"),
                  numeric: true,
                  figure: "tokens",
                  cell: (r) => formatCount(r.totalTokens, locale),
                },
                {
                  header: t("columns.cost"),
                  numeric: true,
                  figure: "llmCost",
                  cell: (r) => formatUsd(r.totalCost, locale),
                },
                {
                  header: t("columns.avgLatency"),
                  numeric: true,
                  figure: "avgLatency",
                  cell: (r) => ms(r.avgResponseTime),
                },
                {
                  header: t("columns.successRate"),
                  numeric: true,
                  figure: "successRate",
                  cell: (r) => formatPercent(r.successRate, locale),
                },
              ]}
            />
          </Card>
          <Card covers="calls" title={t("byRequestType.title")}>
            <Table
              caption={t("byRequestType.table")}
              csv={`llm-by-request-type-${tag}`}
              rows={breakdown.byRequestType}
              rowKey={(r) => r.requestType}
              empty={empty}
              columns={[
                { header: t("columns.requestType"), cell: (r) => r.requestType },
                {
                  header: t("columns.calls"),
                  numeric: true,
                  figure: "llmCalls",
                  cell: (r) => formatCount(r.calls, locale),
                },
                {
                  header: t("columns.tokens"),
                  numeric: true,
                  figure: "tokens",
                  cell: (r) => formatCount(r.tokens, locale),
                },
                { header: t("columns.cost"), numeric: true, figure: "llmCost", cell: (r) => formatUsd(r.cost, locale) },
                {
                  header: t("columns.successRate"),
                  numeric: true,
                  figure: "successRate",
                  cell: (r) => formatPercent((r.successes / r.calls) * 100, locale),
                },
              ]}
            />
          </Card>
        </div>
        <Card covers="calls" title={t("byModel.title")} caption={t("byModel.caption")}>
          <Table
            caption={t("byModel.table")}
            csv={`llm-by-model-${tag}`}
            rows={breakdown.byModel}
            rowKey={(r) => `${r.provider}/${r.model}`}
            empty={empty}
            columns={[
              { header: t("columns.model"), cell: (r) => `${r.provider} · ${r.model}` },
              { header: t("columns.writtenAs"), wrap: true, cell: (r) => r.rawNames.join(", ") },
              {
                header: t("columns.calls"),
                numeric: true,
                figure: "llmCalls",
                cell: (r) => formatCount(r.calls, locale),
              },
              {
                header: t("columns.tokens"),
                numeric: true,
                figure: "tokens",
                cell: (r) => formatCount(r.tokens, locale),
              },
              { header: t("columns.cost"), numeric: true, figure: "llmCost", cell: (r) => formatUsd(r.cost, locale) },
              {
                header: t("columns.perThousandTokens"),
                numeric: true,
                figure: "costPer1kTokens",
                cell: (r) => (r.tokens > 0 ? formatUsd((r.cost / r.tokens) * 1000, locale) : "—"),
              },
              {
                header: t("columns.successRate"),
                numeric: true,
                figure: "successRate",
                cell: (r) => formatPercent((r.successes / r.calls) * 100, locale),
              },
            ]}
          />
        </Card>
        <div className="grid gap-6 xl:grid-cols-2">
          <Card covers="calls" title={t("byAgent.title")}>
            <Table
              caption={t("byAgent.table")}
              csv={`llm-by-agent-${tag}`}
              rows={agents}
              rowKey={(r) => r.agent}
              empty={empty}
              columns={[
                {
                  header: t("columns.agent"),
                  text: (r) => r.agent,
                  cell: (r) => (
                    <Link href={`/agents/${encodeURIComponent(r.agent)}?${linked({})}`} className="hover:underline">
                      {r.agent}
                    </Link>
                  ),
                },
                {
                  header: t("columns.calls"),
                  numeric: true,
                  figure: "llmCalls",
                  cell: (r) => formatCount(r.totalRequests, locale),
                },
                {
                  header: t("columns.cost"),
                  numeric: true,
                  figure: "llmCost",
                  cell: (r) => formatUsd(r.totalCost, locale),
                },
                {
                  header: t("columns.avgLatency"),
                  numeric: true,
                  figure: "avgLatency",
                  cell: (r) => ms(r.avgResponseTime),
                },
              ]}
            />
          </Card>
          <Card
            covers="calls"
            title={t("failing.title")}
            caption={t("failing.caption", {
              failed: breakdown.errors.failedRequests,
              share: formatPercent(breakdown.errors.errorRate, locale),
            })}
          >
            <Table
              caption={t("failing.table")}
              csv={`llm-errors-${tag}`}
              rows={breakdown.errors.mostFrequent}
              rowKey={(e) => e.message}
              empty={t("failing.empty")}
              columns={[
                { header: t("columns.error"), wrap: true, cell: (e) => e.message },
                {
                  header: t("columns.calls"),
                  numeric: true,
                  figure: "failedCalls",
                  cell: (e) => formatCount(e.count, locale),
                },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
