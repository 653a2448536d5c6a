import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { getSwapLog } from "@/db/queries/swap-log";
import { formatDateTime, formatPercent, zoneLabel } from "@/lib/format";

export const metadata = { title: "Model swaps" };

export default async function EvolutionPage({ searchParams }: { searchParams: Promise<{ agent?: string }> }) {
  const agent = (await searchParams).agent || undefined;
  const { dataTimeZone } = getDisplaySettings();
  const swaps = getSwapLog({ agent });
  return (
    <>
      <PageHeader title="Model swaps" subtitle={agent ? `Every model change of ${agent}` : "Every model change of every agent, newest first"}>
        {agent ? <Link href="/evolution" className="text-sm underline">All agents</Link> : null}
      </PageHeader>
      <Card title="Timeline" caption={`times in ${zoneLabel(dataTimeZone)}`}>
        <Table
          caption="Model swaps, newest first"
          rows={swaps}
          rowKey={(s) => s.id}
          empty="No model swaps recorded: they appear when the reflection loop or an operator changes an agent's model."
          columns={[
            { header: "When", cell: (s) => formatDateTime(s.atMs, dataTimeZone) },
            { header: "Agent", cell: (s) => <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(s.agentName)}`}>{s.agentName}</Link> },
            { header: "From → to", cell: (s) => `${s.oldProvider} ${s.oldModel} → ${s.newProvider} ${s.newModel}` },
            { header: "Trigger", cell: (s) => s.triggeredBy },
            { header: "Expected", numeric: true, cell: (s) => formatPercent(s.performanceImprovement * 100, 0) },
            { header: "Window", numeric: true, cell: (s) => `${s.validationPeriodDays ?? 7} d` },
            { header: "Reason", cell: (s) => <span className="whitespace-normal">{s.reason}</span> },
          ]}
        />
      </Card>
    </>
  );
}
