import { readSystemSearch, type SystemSearchParams } from "@/app/(dashboard)/system/search-params";
import { BackgroundCountCard } from "@/components/system/background-count-card";
import { OperatorSessionsCard } from "@/components/system/operator-sessions-card";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { getDataQuality } from "@/db/queries/data-quality";
import { getHealth, getTableStats } from "@/db/queries/health";
import { getSystemMetrics } from "@/db/queries/system-metrics";
import { ChartFigure } from "@/components/charts/chart-figure";
import { formatCompact, formatCount, formatDateTime, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import type { ChartUnit } from "@/lib/chart-units";
import { GOOD, seriesColour } from "@/lib/palette";
import { readerIsOperator } from "@/lib/server/operator";
import { periodTag } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { metricsDays, metricsSeries } from "@/lib/series/system-metrics";

export const metadata = { title: "System" };

export default async function SystemPage({ searchParams }: { searchParams: Promise<SystemSearchParams> }) {
  const { pnlCurrency } = getDisplaySettings();
  const clock = requestClock();
  const { period, problem } = readSystemSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const health = getHealth(ctx);
  const days = metricsDays(getSystemMetrics(ctx));
  const series = metricsSeries(days);
  const quality = getDataQuality(ctx);
  const { path, tables } = getTableStats(ctx);
  const operator = await readerIsOperator(); // where the file lives is for operators, not a public dashboard's readers
  return (
    <>
      <PageHeader title="System" subtitle="Daily system metrics and the database's health">
        <PeriodPicker path="/system" period={ctx.period} problem={problem} />
      </PageHeader>
      <div className="space-y-6">
        <Card title="Database">
          <Facts
            className="grid-cols-2 sm:grid-cols-5"
            items={[
              {
                label: "File",
                value: operator ? path : "shown to signed-in operators",
                wide: "col-span-2 min-w-0 break-all",
              },
              { label: "Schema version", value: String(health.schemaVersion ?? "—") },
              { label: "Journal mode", value: health.database.journalMode },
              { label: "Size", value: `${formatCompact(health.database.sizeBytes)}B` },
              {
                label: "Newest event",
                value: health.database.lastEventAt
                  ? formatDateTime(Date.parse(health.database.lastEventAt), ctx.zone)
                  : "none",
              },
            ]}
          />
          <div className="mt-4">
            <Table
              caption="Rows per table"
              csv="tables"
              rows={tables}
              rowKey={(t) => t.table}
              empty="No tables."
              columns={[
                {
                  header: "Table",
                  text: (t) => t.table,
                  cell: (t) => <span className="font-mono text-xs">{t.table}</span>,
                },
                {
                  header: "Rows",
                  numeric: true,
                  cell: (t) => (t.rows === null ? "being counted" : formatCount(t.rows)),
                },
                {
                  header: `Newest event (${ctx.zone})`,
                  numeric: true,
                  cell: (t) => (t.newestMs === null ? "—" : formatDateTime(t.newestMs, ctx.zone)),
                },
              ]}
            />
          </div>
        </Card>
        <BackgroundCountCard clock={ctx} />
        <OperatorSessionsCard clock={ctx} />
        <Card
          title="Metrics over time"
          caption={`one row a day, written when the trading day ends · dates in ${ctx.zone}`}
        >
          <div className="grid gap-6 xl:grid-cols-2">
            {[
              {
                key: "totalPnl",
                title: "Daily PnL",
                label: `PnL (${pnlCurrency})`,
                summary: "The system's daily PnL.",
                kind: "bar",
                unit: "money",
                colour: GOOD,
              },
              {
                key: "totalCostUsd",
                title: "Daily LLM cost",
                label: "LLM cost (USD)",
                summary: "The system's daily LLM cost in USD.",
                kind: "bar",
                unit: "usd",
                colour: seriesColour(1),
              },
              {
                key: "winRate",
                title: "Win rate",
                label: "Win rate",
                summary: "The system's daily win rate in percent.",
                kind: "line",
                unit: "percent",
                colour: seriesColour(2),
              },
              {
                key: "avgDecisionTimeSeconds",
                title: "Average decision time",
                label: "Decision time (s)",
                summary: "The system's average decision time per day, in seconds.",
                kind: "line",
                unit: "score",
                colour: seriesColour(3),
              },
            ].map((chart) => (
              <ChartFigure
                key={chart.key}
                title={chart.title}
                summary={`${chart.summary} Over ${series.length} day(s).`}
                data={series}
                series={[{ key: chart.key, label: chart.label, colour: chart.colour }]}
                kind={chart.kind as "bar" | "line"}
                unit={chart.unit as ChartUnit}
                currency={pnlCurrency}
                height={200}
                showTitle
                empty="No daily metrics in this period yet."
              />
            ))}
          </div>
        </Card>
        <Card title="Data quality" caption="odd rows Agent Desk reads around">
          {quality.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Nothing odd: every time, JSON value and agent name in the file reads cleanly.
            </p>
          ) : (
            <ul className="space-y-1 text-sm">
              {quality.map((note) => (
                <li key={`${note.subject}-${note.detail}`}>
                  <span className="font-mono text-xs">{note.subject}</span> ·{" "}
                  <span className="font-medium tabular-nums">{note.count}</span> {note.detail}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Daily metrics" caption="newest first">
          <Table
            caption="Daily system metrics"
            csv={`system-metrics-${periodTag(ctx.period)}`}
            rows={days}
            rowKey={(m) => m.date}
            empty="No daily metrics in this period: the trading system writes one system_metrics row a day."
            columns={[
              { header: "Date", cell: (m) => m.date },
              { header: "Trades", numeric: true, cell: (m) => m.totalTrades },
              { header: "Win rate", numeric: true, cell: (m) => formatPercent(m.winRate) },
              { header: `PnL (${pnlCurrency})`, numeric: true, cell: (m) => formatMoney(m.totalPnl, pnlCurrency) },
              { header: "LLM cost", numeric: true, cell: (m) => formatUsd(m.totalCostUsd) },
              {
                header: "Decision time",
                numeric: true,
                cell: (m) => (m.avgDecisionTimeSeconds === null ? "—" : `${m.avgDecisionTimeSeconds.toFixed(1)} s`),
              },
              { header: "Efficiency", numeric: true, cell: (m) => m.agentEfficiencyScore.toFixed(2) },
              { header: "Auto / human", numeric: true, cell: (m) => `${m.autoImprovements} / ${m.humanInterventions}` },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
