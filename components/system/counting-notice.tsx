import { useTranslations } from "next-intl";
import { getCountingNotice } from "@/db/queries/background-count";
import type { RequestClock } from "@/lib/read-context";
import { COUNTING_STATE_KEYS } from "./counting-state-keys";

/**
 * Says above every page, while the background count is well behind (a file just adopted, a large correction), what
 * the figures do not hold yet; nothing once it has caught up. Figures stay exact meanwhile, read from raw rows.
 */
export function CountingNotice({ clock }: { clock: RequestClock }) {
  const t = useTranslations("common");
  const count = getCountingNotice(clock);
  if (!count) return null;
  const waiting = [
    count.llmCallsWaiting > 0 && t("countingNotice.llmCalls", { count: count.llmCallsWaiting }),
    count.correctionsWaiting > 0 && t("countingNotice.corrections", { count: count.correctionsWaiting }),
    count.tradeChangesWaiting > 0 && t("countingNotice.tradeChanges", { count: count.tradeChangesWaiting }),
  ].filter(Boolean);
  return (
    <p
      role="status"
      className="mb-6 rounded-lg border border-zinc-300 bg-zinc-50 p-3 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
    >
      {t.rich("countingNotice.text", {
        waiting: waiting.length > 0 ? waiting.join(", ") : t("countingNotice.theFile"),
        state: t(`countingNotice.state.${COUNTING_STATE_KEYS[count.state]}`),
        seconds: String(count.behindSeconds),
        details: (chunks) => (
          <a className="underline" href="/system">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
