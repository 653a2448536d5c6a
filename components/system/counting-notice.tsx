import { getCountingNotice } from "@/db/queries/background-count";
import { formatCount } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";

/**
 * Says above every page, while the background count is well behind (a file just adopted, a large correction), what
 * the figures do not hold yet; nothing once it has caught up. Figures stay exact meanwhile, read from raw rows.
 */
export function CountingNotice({ clock }: { clock: RequestClock }) {
  const count = getCountingNotice(clock);
  if (!count) return null;
  const waiting = [
    count.llmCallsWaiting > 0 && `${formatCount(count.llmCallsWaiting)} LLM calls`,
    count.correctionsWaiting > 0 && `${formatCount(count.correctionsWaiting)} corrections`,
    count.tradeChangesWaiting > 0 && `${formatCount(count.tradeChangesWaiting)} trade changes`,
  ].filter(Boolean);
  return (
    <p
      role="status"
      className="mb-6 rounded-lg border border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
    >
      Counting in progress: {waiting.length > 0 ? waiting.join(", ") : "the file"} still to count ({count.state}, for{" "}
      {count.behindSeconds} s). LLM figures are read from raw rows until then, exact but slower; trade figures may be a
      moment behind.{" "}
      <a className="underline" href="/system">
        Details on System
      </a>
    </p>
  );
}
