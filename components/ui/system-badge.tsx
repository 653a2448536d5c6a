import { getTranslations } from "next-intl/server";
import { requestClock } from "@/db/queries/request-clock";

/** Above a page's title on a central desk: which trading system the page shows (`?system=`), for a glance. */
export async function SystemBadge() {
  const { system } = requestClock();
  if (!system) return null;
  const t = await getTranslations("nav.systemSwitch");
  return (
    <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">
      {t("label")} <strong className="rounded bg-emerald-700 px-1.5 py-0.5 font-semibold text-white">{system}</strong>
    </p>
  );
}
