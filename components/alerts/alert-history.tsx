import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { AlertHistoryEntry } from "@/db/queries/alerts";
import { eventLine, ruleTitle } from "@/lib/alerts/message";
import type { RuleKind, RuleParams } from "@/lib/alerts/rules";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/locale";

const STATE_STYLE: Record<string, string> = {
  firing: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  resolved: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  notice: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  test: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

/** Every notification, newest first: what happened, and for each channel whether it was sent, retried or failed. */
export async function AlertHistory({
  entries,
  zone,
  configShare,
  operator,
}: {
  entries: AlertHistoryEntry[];
  zone: string;
  configShare: number;
  /** Receivers' answers are shown to operators only: an error page can echo what it was sent. */
  operator: boolean;
}) {
  const t = await getTranslations("alerts");
  const locale = (await getLocale()) as Locale;
  return (
    <Card title={t("history.title")} caption={t("history.caption")}>
      {entries.length === 0 ? (
        <p className="py-3 text-sm text-zinc-500 dark:text-zinc-400">{t("history.none")}</p>
      ) : (
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {entries.map(({ event, deliveries }) => {
            const isTest = event.state === "test";
            const rule = isTest
              ? t("history.test")
              : ruleTitle(
                  t,
                  locale,
                  {
                    kind: event.kind as RuleKind,
                    name: event.ruleName,
                    params: JSON.parse(event.params) as RuleParams,
                  },
                  configShare,
                );
            const state = event.state === "firing" && event.repeat === 1 ? "repeat" : event.state;
            return (
              <li key={event.id} className="grid gap-1 py-2.5 sm:grid-cols-[9.5rem_1fr]">
                <p className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {formatDateTime(event.at, zone, locale)}
                </p>
                <div className="min-w-0 space-y-1">
                  <p className="text-sm">
                    <span
                      className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[event.state] ?? ""}`}
                    >
                      {t(`history.state.${state}`)}
                    </span>
                    <span className="font-medium">{rule}</span>
                    {event.instance ? (
                      <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{event.instance}</span>
                    ) : null}
                  </p>
                  {isTest ? null : (
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">{eventLine(t, event, locale, zone)}</p>
                  )}
                  <ul className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
                    {event.silenceId !== null ? (
                      <li className="text-zinc-500 dark:text-zinc-400">{t("history.silenced")}</li>
                    ) : null}
                    {deliveries.map((d) => (
                      <li
                        key={d.id}
                        className={
                          d.status === "sent"
                            ? "text-emerald-700 dark:text-emerald-400"
                            : d.status === "failed"
                              ? "text-rose-700 dark:text-rose-400"
                              : "text-amber-700 dark:text-amber-400"
                        }
                      >
                        {t(`history.delivery.${d.status}`, {
                          channel: d.channel,
                          attempts: d.attempts,
                          status: d.lastStatus ?? "—",
                          error: operator ? (d.lastError ?? "") : "",
                          next: formatDateTime(d.nextAttemptAt, zone, locale),
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
