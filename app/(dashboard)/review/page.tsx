import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { formatCount, formatMoney } from "@/lib/format";

export const metadata = { title: "Review" };

export default async function ReviewPage() {
  const { pnlCurrency } = getDisplaySettings();
  const agents = getUnderperformingAgents({ minTrades: 10, days: 30, threshold: -0.1 });
  return (
    <>
      <PageHeader title="Agents to review" subtitle="Agents in at least 10 trades over the last 30 days whose contributions lost money on balance" />
      <Card title="Underperforming agents" caption="lowest efficiency first">
        <Table
          caption="Underperforming agents"
          rows={agents}
          rowKey={(a) => a.agent_name}
          empty="No agent is underperforming: every agent with 10 or more trades in 30 days is net positive."
          columns={[
            { header: "Agent", cell: (a) => <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(a.agent_name)}`}>{a.agent_name}</Link> },
            { header: "Efficiency", numeric: true, cell: (a) => formatCount(Math.round(a.efficiency_score)) },
            { header: "Trades", numeric: true, cell: (a) => formatCount(a.trades_involved) },
            { header: `Loss-weighted contribution (${pnlCurrency})`, numeric: true, cell: (a) => formatMoney(-a.negative_contribution, pnlCurrency) },
            { header: "Avg CIO confidence", numeric: true, cell: (a) => a.avg_confidence.toFixed(2) },
          ]}
        />
      </Card>
    </>
  );
}
