import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { getDataQuality } from "@/db/queries/data-quality";
import { getHealth } from "@/db/queries/health";
import { getSystemMetrics } from "@/db/queries/system-metrics";
import { formatCompact, formatDateTime, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import { readPeriod } from "@/lib/period";

export const metadata = { title: "System" };

export default async function SystemPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const period = readPeriod((await searchParams).days);
  const { pnlCurrency, dataTimeZone } = getDisplaySettings();
  const health = getHealth();
  const metrics = getSystemMetrics(period.days);
  const quality = getDataQuality();
  return (
    <>
      <PageHeader title="System" subtitle="Daily system metrics and the database's health">
        <PeriodPicker path="/system" days={period.days} />
      </PageHeader>
      <div className="space-y-6">
        <Card title="Database">
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            {[
              ["Schema version", String(health.schema_version ?? "—")],
              ["Journal mode", health.database.journal_mode],
              ["Size", `${formatCompact(health.database.size_bytes)}B`],
              ["Newest event", health.database.last_event_at ? formatDateTime(Date.parse(health.database.last_event_at), dataTimeZone) : "none"],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
                <dd className="font-medium tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
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
            rows={metrics}
            rowKey={(m) => m.date}
            empty="No daily metrics in this period: the trading system writes one system_metrics row a day."
            columns={[
              { header: "Date", cell: (m) => m.date },
              { header: "Trades", numeric: true, cell: (m) => m.total_trades },
              { header: "Win rate", numeric: true, cell: (m) => formatPercent(m.win_rate) },
              { header: `PnL (${pnlCurrency})`, numeric: true, cell: (m) => formatMoney(m.total_pnl, pnlCurrency) },
              { header: "LLM cost", numeric: true, cell: (m) => formatUsd(m.total_cost_usd) },
              { header: "Decision time", numeric: true, cell: (m) => `${m.avg_decision_time_seconds.toFixed(1)} s` },
              { header: "Efficiency", numeric: true, cell: (m) => m.agent_efficiency_score.toFixed(2) },
              { header: "Auto / human", numeric: true, cell: (m) => `${m.auto_improvements} / ${m.human_interventions}` },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
