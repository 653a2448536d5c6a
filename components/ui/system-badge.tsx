import { getTranslations } from "next-intl/server";
import { replicaStatus } from "@/db/background/replica-loop";
import { requestClock } from "@/db/queries/request-clock";

// A replica is brought up to date every second: this far behind, its pages say so.
const BEHIND_AFTER_MS = 30_000;

/**
 * Above a page's title on a central desk: which trading system the page shows (`?system=`), for a glance, and when
 * its replica is still being made, or has not followed the central store for a while (why is in the server's log).
 */
export async function SystemBadge() {
  const { system, now } = requestClock();
  if (!system) return null;
  const t = await getTranslations("nav.systemSwitch");
  const status = replicaStatus(system);
  const notice = !status
    ? null
    : status.problem !== null
      ? t("failing")
      : status.currentAt === null
        ? t("making")
        : now - status.currentAt > BEHIND_AFTER_MS
          ? t("behind", { seconds: Math.round((now - status.currentAt) / 1000) })
          : null;
  return (
    <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">
      {t("label")} <strong className="rounded bg-emerald-700 px-1.5 py-0.5 font-semibold text-white">{system}</strong>
      {notice ? (
        <span role="status" className="ml-2 font-medium text-amber-700 dark:text-amber-400">
          {notice}
        </span>
      ) : null}
    </p>
  );
}
