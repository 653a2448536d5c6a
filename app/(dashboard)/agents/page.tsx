import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { formatCount, formatUsd } from "@/lib/format";
import { readPeriod } from "@/lib/period";

export const metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const period = readPeriod((await searchParams).days);
  const roster = getAgentRoster(period.days).sort((a, b) => (b.efficiencyScore ?? -Infinity) - (a.efficiencyScore ?? -Infinity));
  return (
    <>
      <PageHeader title="Agents" subtitle={`Every agent's model, LLM use and trade contribution over the last ${period.label}`}>
        <PeriodPicker path="/agents" days={period.days} />
      </PageHeader>
      <Card title="Leaderboard" caption="efficiency = (Σ contribution × gain − Σ contribution × loss) / trades, in PnL units">
        <Table
          caption="Agents by efficiency score"
          rows={roster}
          rowKey={(a) => a.name}
          empty="No agents: the agent config is empty and the file holds no activity."
          columns={[
            { header: "Agent", cell: (a) => <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(a.name)}`}>{a.name}</Link> },
            { header: "Workflow", cell: (a) => a.workflow },
            { header: "Model now", cell: (a) => (a.model ? `${a.provider} · ${a.model}` : "—") },
            { header: "Trades", numeric: true, cell: (a) => formatCount(a.tradesInvolved) },
            { header: "Efficiency", numeric: true, cell: (a) => (a.efficiencyScore === null ? "—" : formatCount(Math.round(a.efficiencyScore))) },
            { header: "LLM calls", numeric: true, cell: (a) => formatCount(a.calls) },
            { header: "LLM cost", numeric: true, cell: (a) => formatUsd(a.costUsd) },
            { header: "Avg latency", numeric: true, cell: (a) => (a.avgLatencyMs === null ? "—" : `${formatCount(Math.round(a.avgLatencyMs))} ms`) },
          ]}
        />
      </Card>
    </>
  );
}
