import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getBackgroundCount } from "@/db/queries/background-count";
import { formatCount, formatDateTime } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";

/**
 * /system: the server's background count, the one writer of Agent Desk's aggregates: its state, what waits, how long.
 */
export function BackgroundCountCard({ clock }: { clock: RequestClock }) {
  const count = getBackgroundCount(clock);
  return (
    <Card
      title="Background count"
      caption="counts new LLM calls, corrected calls and changed trades into Agent Desk's aggregates; pages only read them"
    >
      {count ? (
        <Facts
          className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6"
          items={[
            {
              label: "State",
              value: count.detail ? `${count.state}: ${count.detail}` : count.state,
              wide: "col-span-2 sm:col-span-3 lg:col-span-2",
            },
            { label: "LLM calls to count", value: formatCount(count.llmCallsWaiting) },
            { label: "Corrections to count", value: formatCount(count.correctionsWaiting) },
            { label: "Trade changes to read", value: formatCount(count.tradeChangesWaiting) },
            {
              label: "Behind for",
              value: count.behindSeconds === null ? "—" : `${formatCount(count.behindSeconds)} s`,
            },
            {
              label: `Last caught up (${clock.zone})`,
              value: count.currentAt === null ? "not yet" : formatDateTime(count.currentAt, clock.zone),
            },
            ...(count.adoptedBackTo === null
              ? []
              : [{ label: "File adopted back to", value: count.adoptedBackTo, wide: "col-span-2" }]),
          ]}
        />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This process runs no background count.</p>
      )}
    </Card>
  );
}
