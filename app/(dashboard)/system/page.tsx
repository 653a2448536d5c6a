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
import { readerIsOperator } from "@/lib/operator";
import { periodTag } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";

export const metadata = { title: "System" };

export default async function SystemPage({ searchParams }: { searchParams: Promise<PeriodSearch> }) {
  const { pnlCurrency, dataTimeZone } = getDisplaySettings();
  const { period, problem } = readPeriod(await searchParams, requestClock());
  const health = getHealth();
  const metrics = getSystemMetrics(period);
  const quality = getDataQuality();
  const { path, tables } = getTableStats();
  const operator = await readerIsOperator(); // where the file lives is for operators, not a public dashboard's readers
  // A day without trades has no win rate or decision time (the trading system writes 0): a gap, not a fall to zero.
  const days = metrics.map((m) => (m.total_trades > 0 ? m : { ...m, win_rate: null, avg_decision_time_seconds: null }));
  const series = [...days].reverse();
  return (
    <>
      <PageHeader title="System" subtitle="Daily system metrics and the database's health">
        <PeriodPicker path="/system" period={period} problem={problem} />
      </PageHeader>
      <div className="space-y-6">
        <Card title="Database">
          <Facts
            className="grid-cols-2 sm:grid-cols-5"
            items={[
              { label: "File", value: operator ? path : "shown to signed-in operators", wide: "col-span-2 min-w-0 break-all" },
              { label: "Schema version", value: String(health.schema_version ?? "—") },
              { label: "Journal mode", value: health.database.journal_mode },
              { label: "Size", value: `${formatCompact(health.database.size_bytes)}B` },
              { label: "Newest event", value: health.database.last_event_at ? formatDateTime(Date.parse(health.database.last_event_at), dataTimeZone) : "none" },
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
                { header: "Table", text: (t) => t.table, cell: (t) => <span className="font-mono text-xs">{t.table}</span> },
                { header: "Rows", numeric: true, cell: (t) => (t.rows === null ? "being counted" : formatCount(t.rows)) },
                { header: `Newest event (${dataTimeZone})`, numeric: true, cell: (t) => (t.newestMs === null ? "—" : formatDateTime(t.newestMs, dataTimeZone)) },
              ]}
            />
          </div>
        </Card>
        <BackgroundCountCard timeZone={dataTimeZone} />
        <OperatorSessionsCard timeZone={dataTimeZone} />
        <Card title="Metrics over time" caption={`one row a day, written when the trading day ends · dates in ${dataTimeZone}`}>
          <div className="grid gap-6 xl:grid-cols-2">
            {[
              { key: "total_pnl", title: "Daily PnL", label: `PnL (${pnlCurrency})`, summary: "The system's daily PnL.", kind: "bar", unit: "money", colour: GOOD },
              { key: "total_cost_usd", title: "Daily LLM cost", label: "LLM cost (USD)", summary: "The system's daily LLM cost in USD.", kind: "bar", unit: "usd", colour: seriesColour(1) },
              { key: "win_rate", title: "Win rate", label: "Win rate", summary: "The system's daily win rate in percent.", kind: "line", unit: "percent", colour: seriesColour(2) },
              { key: "avg_decision_time_seconds", title: "Average decision time", label: "Decision time (s)", summary: "The system's average decision time per day, in seconds.", kind: "line", unit: "score", colour: seriesColour(3) },
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
            <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing odd: every time, JSON value and agent name in the file reads cleanly.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {quality.map((note) => (
                <li key={`${note.subject}-${note.detail}`}>
                  <span className="font-mono text-xs">{note.subject}</span> · <span className="font-medium tabular-nums">{note.count}</span> {note.detail}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Daily metrics" caption="newest first">
          <Table
            caption="Daily system metrics"
            csv={`system-metrics-${periodTag(period)}`}
            rows={days}
            rowKey={(m) => m.date}
            empty="No daily metrics in this period: the trading system writes one system_metrics row a day."
            columns={[
              { header: "Date", cell: (m) => m.date },
              { header: "Trades", numeric: true, cell: (m) => m.total_trades },
              { header: "Win rate", numeric: true, cell: (m) => formatPercent(m.win_rate) },
              { header: `PnL (${pnlCurrency})`, numeric: true, cell: (m) => formatMoney(m.total_pnl, pnlCurrency) },
              { header: "LLM cost", numeric: true, cell: (m) => formatUsd(m.total_cost_usd) },
              { header: "Decision time", numeric: true, cell: (m) => (m.avg_decision_time_seconds === null ? "—" : `${m.avg_decision_time_seconds.toFixed(1)} s`) },
              { header: "Efficiency", numeric: true, cell: (m) => m.agent_efficiency_score.toFixed(2) },
              { header: "Auto / human", numeric: true, cell: (m) => `${m.auto_improvements} / ${m.human_interventions}` },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
