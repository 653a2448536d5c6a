import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { AlertStatus } from "@/db/background/alert-loop";
import type { ActiveAlert } from "@/db/queries/alerts";
import { eventLine } from "@/lib/alerts/message";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/locale";

/** What fires now, newest first: each instance's figure in words, since when, and where to look or silence it. */
export async function FiringNow({
  alerts,
  loop,
  titles,
  zone,
  operator,
}: {
  alerts: ActiveAlert[];
  loop: AlertStatus | null;
  titles: { id: number; title: string }[];
  zone: string;
  operator: boolean;
}) {
  const t = await getTranslations("alerts");
  const locale = (await getLocale()) as Locale;
  return (
    <Card
      title={t("firing.title")}
      caption={
        loop?.checkedAt
          ? loop.offline
            ? t("firing.checkedOffline", { at: formatDateTime(loop.checkedAt, zone, locale) })
            : t("firing.checked", {
                at: formatDateTime(loop.checkedAt, zone, locale),
                ms: Math.max(1, Math.round(loop.roundMs ?? 0)),
              })
          : t("firing.notChecked")
      }
    >
      {alerts.length === 0 ? (
        <p className="py-3 text-sm text-emerald-700 dark:text-emerald-400">{t("firing.none")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {alerts.map((alert) => {
            const path = typeof alert.facts.path === "string" ? alert.facts.path : "/alerts";
            const title = titles.find((r) => r.id === alert.ruleId)?.title ?? "";
            return (
              <li key={`${alert.ruleId}-${alert.instance}`} className="flex flex-wrap items-start gap-x-4 gap-y-1 py-3">
                <span
                  aria-hidden
                  className="mt-1.5 inline-block size-2.5 shrink-0 rounded-full bg-rose-600 dark:bg-rose-500"
                />
                <div className="min-w-[14rem] flex-1 space-y-0.5">
                  <p className="text-sm font-semibold">
                    {title}
                    {alert.instance ? (
                      <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{alert.instance}</span>
                    ) : null}
                  </p>
                  <p className="text-sm text-zinc-700 dark:text-zinc-300">
                    {eventLine(
                      t,
                      { ...alert, kind: alert.rule.kind, facts: JSON.stringify(alert.facts) },
                      locale,
                      zone,
                    )}
                  </p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {t("firing.since", { since: formatDateTime(alert.since, zone, locale) })}
                    {alert.silencedUntil !== null
                      ? ` · ${t("firing.silencedUntil", { until: formatDateTime(alert.silencedUntil, zone, locale) })}`
                      : alert.notifiedAt === null
                        ? ` · ${t("firing.notSent")}`
                        : ` · ${t("firing.sentAt", { at: formatDateTime(alert.notifiedAt, zone, locale) })}`}
                  </p>
                </div>
                <div className="flex gap-2 text-sm">
                  <Link href={path} className="underline underline-offset-2">
                    {t("firing.open")}
                  </Link>
                  {operator ? (
                    <Link
                      href={`/alerts?silence=${alert.ruleId}&instance=${encodeURIComponent(alert.instance)}#silence-form`}
                      className="underline underline-offset-2"
                    >
                      {t("firing.silence")}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
