import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getSwapLog } from "@/db/queries/swap-log";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatPercent, zoneLabel } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";

/** The six newest swaps of all time, whatever the overview's period; times in the request's zone. */
export async function LatestSwaps({ clock }: { clock: RequestClock }) {
  const t = await getTranslations("overview");
  const locale = await getLocale();
  const swaps = getSwapLog(clock, { limit: 6 });
  return (
    <Card title={t("swaps.title")} caption={t("swaps.caption", { zone: zoneLabel(clock.zone, clock.now) })}>
      {swaps.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("swaps.none")}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {swaps.map((swap) => (
            <li key={swap.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <span>
                <Link href={`/agents/${encodeURIComponent(swap.agentName)}`} className="font-medium hover:underline">
                  {swap.agentName}
                </Link>{" "}
                <span className="text-zinc-500 dark:text-zinc-400">
                  {swap.oldModel} → <span className="text-zinc-900 dark:text-zinc-100">{swap.newModel}</span>
                </span>
              </span>
              <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                {t("swaps.detail", {
                  triggeredBy: swap.triggeredBy,
                  improvement: formatPercent(swap.performanceImprovement * 100, locale, 0),
                  at: formatDateTime(swap.atMs, clock.zone, locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
