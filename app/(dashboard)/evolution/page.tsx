import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { getEvolution } from "@/db/queries/evolution";
import { StatusBadge } from "@/components/ui/status-badge";
import { parseEventTime } from "@/lib/event-time";
import { formatDateTime, formatPercent, zoneLabel } from "@/lib/format";

export const metadata = { title: "Model swaps" };

export default async function EvolutionPage({ searchParams }: { searchParams: Promise<{ agent?: string }> }) {
  const agent = (await searchParams).agent || undefined;
  const { dataTimeZone } = getDisplaySettings();
  const swaps = getEvolution({ agent });
  return (
    <>
      <PageHeader title="Model swaps" subtitle={agent ? `Every model change of ${agent}` : "Every model change of every agent, newest first"}>
        {agent ? <Link href="/evolution" className="text-sm underline">All agents</Link> : null}
      </PageHeader>
      <Card
        title="Timeline"
        caption={`times in ${zoneLabel(dataTimeZone)} · realized = change of the agent's score in the validation window against the same span before the swap`}
      >
        <Table
          caption="Model swaps, newest first"
          rows={swaps}
          rowKey={(s) => s.id}
          empty="No model swaps recorded: they appear when the reflection loop or an operator changes an agent's model."
          columns={[
            { header: "When", cell: (s) => formatDateTime(parseEventTime(s.timestamp, dataTimeZone), dataTimeZone) },
            { header: "Agent", cell: (s) => <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(s.agent_name)}`}>{s.agent_name}</Link> },
            { header: "From → to", cell: (s) => `${s.old_provider} ${s.old_model} → ${s.new_provider} ${s.new_model}${s.rollback_of !== null ? ` (undoes #${s.rollback_of})` : ""}` },
            { header: "Trigger", cell: (s) => s.triggered_by },
            { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            { header: "Expected", numeric: true, cell: (s) => formatPercent(s.performance_improvement * 100, 0) },
            { header: "Realized", numeric: true, cell: (s) => (s.realized_improvement === null ? "—" : formatPercent(s.realized_improvement * 100, 0)) },
            { header: "Window", numeric: true, cell: (s) => `${formatPercent((s.validation.progress ?? 1) * 100, 0)} of ${s.validation_period_days ?? 7} d` },
            { header: "Reason", cell: (s) => <p className="line-clamp-2 w-72 text-xs whitespace-normal text-zinc-600 dark:text-zinc-400" title={s.reason}>{s.reason}</p> },
          ]}
        />
      </Card>
    </>
  );
}
