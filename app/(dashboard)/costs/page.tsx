import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { formatCount, formatPercent, formatUsd } from "@/lib/format";
import { readPeriod } from "@/lib/period";

export const metadata = { title: "Costs" };

export default async function CostsPage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const period = readPeriod((await searchParams).days);
  const usage = getLlmUsageStats(period.days);
  const providers = Object.entries(usage.provider_stats).map(([provider, s]) => ({ provider, ...s })).sort((a, b) => b.total_cost - a.total_cost);
  const agents = Object.entries(usage.agent_stats).map(([agent, s]) => ({ agent, ...s })).sort((a, b) => b.total_cost - a.total_cost);
  const empty = "No LLM calls in this period: the trading system logs every call to llm_usage_log as its agents run.";
  return (
    <>
      <PageHeader title="LLM usage and cost" subtitle={`Calls of the last ${period.label}; costs in USD, failed calls included`}>
        <PeriodPicker path="/costs" days={period.days} />
      </PageHeader>
      <div className="space-y-6">
        <Card title="By provider">
          <Table
            caption="LLM usage by provider"
            rows={providers}
            rowKey={(r) => r.provider}
            empty={empty}
            columns={[
              { header: "Provider", cell: (r) => r.provider },
              { header: "Calls", numeric: true, cell: (r) => formatCount(r.total_requests) },
              { header: "Tokens", numeric: true, cell: (r) => formatCount(r.total_tokens) },
              { header: "Cost", numeric: true, cell: (r) => formatUsd(r.total_cost) },
              { header: "Avg latency", numeric: true, cell: (r) => `${formatCount(Math.round(r.avg_response_time))} ms` },
              { header: "Success rate", numeric: true, cell: (r) => formatPercent(r.success_rate) },
            ]}
          />
        </Card>
        <Card title="By agent">
          <Table
            caption="LLM usage by agent"
            rows={agents}
            rowKey={(r) => r.agent}
            empty={empty}
            columns={[
              { header: "Agent", cell: (r) => r.agent },
              { header: "Calls", numeric: true, cell: (r) => formatCount(r.total_requests) },
              { header: "Cost", numeric: true, cell: (r) => formatUsd(r.total_cost) },
              { header: "Avg latency", numeric: true, cell: (r) => `${formatCount(Math.round(r.avg_response_time))} ms` },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
