import { Card } from "@/components/ui/card";
import { getBackgroundCount } from "@/db/queries/background-count";
import { formatCount, formatDateTime } from "@/lib/format";

/** /system: the server's background count, the one writer of Agent Desk's aggregates: its state, what waits, how long. */
export function BackgroundCountCard({ timeZone }: { timeZone: string }) {
  const count = getBackgroundCount();
  return (
    <Card title="Background count" caption="counts new LLM calls, corrected calls and changed trades into Agent Desk's aggregates; pages only read them">
      {count ? (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {[
            ["State", count.detail ? `${count.state}: ${count.detail}` : count.state],
            ["LLM calls to count", formatCount(count.llmCallsWaiting)],
            ["Corrections to count", formatCount(count.correctionsWaiting)],
            ["Trade changes to read", formatCount(count.tradeChangesWaiting)],
            ["Behind for", count.behindSeconds === null ? "—" : `${formatCount(count.behindSeconds)} s`],
            [`Last caught up (${timeZone})`, count.currentAt === null ? "not yet" : formatDateTime(count.currentAt, timeZone)],
          ].map(([label, value]) => (
            <div key={label} className={label === "State" ? "col-span-2 sm:col-span-3 lg:col-span-2" : ""}>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
              <dd className="font-medium tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This process runs no background count.</p>
      )}
    </Card>
  );
}
