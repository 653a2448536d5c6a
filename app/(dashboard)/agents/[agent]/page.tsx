import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getAgentPerformance } from "@/db/queries/agent-performance";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { getSwapLog } from "@/db/queries/swap-log";
import { formatCount, formatDateTime, formatMoney, formatUsd } from "@/lib/format";

export default async function AgentPage({ params }: { params: Promise<{ agent: string }> }) {
  const name = decodeURIComponent((await params).agent);
  const agent = getAgentRoster(90).find((a) => a.name === name);
  if (!agent) notFound();
  const { dataTimeZone, pnlCurrency } = getDisplaySettings();
  const performance = getAgentPerformance(90, name);
  const swaps = getSwapLog({ agent: name });
  return (
    <>
      <PageHeader title={name} subtitle={`${agent.workflow} workflow · runs ${agent.provider ?? "?"} · ${agent.model ?? "?"} now`}>
        <div className="flex gap-4">
          <Link href={`/evolution?agent=${encodeURIComponent(name)}`} className="text-sm font-medium text-emerald-700 underline dark:text-emerald-400">
            Swap history
          </Link>
          <Link href={`/evolution?swap=${encodeURIComponent(name)}#swap-form`} className="rounded-md bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800">
            Swap this agent&apos;s model
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
          {[
            ["LLM calls (90d)", formatCount(agent.calls)],
            ["LLM cost (90d)", formatUsd(agent.costUsd)],
            ["Trades involved (90d)", formatCount(agent.tradesInvolved)],
            ["Efficiency (90d)", agent.efficiencyScore === null ? "—" : formatCount(Math.round(agent.efficiencyScore))],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <Card title="Weekly performance" caption="the reflection loop's agent_performance rows, newest first">
          <Table
            caption={`${name}'s performance by week`}
            rows={performance}
            rowKey={(r) => r.id}
            empty="No performance rows for this agent in the last 90 days; the reflection loop writes them weekly."
            columns={[
              { header: "Week", cell: (r) => `${r.period_start} – ${r.period_end}` },
              { header: "Rating", numeric: true, cell: (r) => r.performance_rating.toFixed(1) },
              { header: "Wins / losses", numeric: true, cell: (r) => `${r.wins} / ${r.losses}` },
              { header: `PnL attributed (${pnlCurrency})`, numeric: true, cell: (r) => formatMoney(r.total_pnl_attributed, pnlCurrency) },
            ]}
          />
        </Card>
        <Card title="Model swaps" caption={`times in ${dataTimeZone}`}>
          <Table
            caption={`${name}'s model swaps`}
            rows={swaps}
            rowKey={(s) => s.id}
            empty="This agent has run its configured model throughout."
            columns={[
              { header: "When", cell: (s) => formatDateTime(s.atMs, dataTimeZone) },
              { header: "From → to", cell: (s) => `${s.oldModel} → ${s.newModel}` },
              { header: "Trigger", cell: (s) => s.triggeredBy },
              { header: "Reason", cell: (s) => s.reason },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
