import { getLocale, getTranslations } from "next-intl/server";
import { endSilenceAction } from "@/app/(dashboard)/alerts/actions";
import { Card } from "@/components/ui/card";
import type { getSilences } from "@/db/queries/alerts";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/locale";
import { ActionButton } from "./action-button";

/** Silences not yet ended: which rule (and instance), until when, why and who; an operator ends one early. */
export async function SilenceList({
  silences,
  titles,
  zone,
  operator,
}: {
  silences: ReturnType<typeof getSilences>;
  titles: { id: number; title: string }[];
  zone: string;
  operator: boolean;
}) {
  const t = await getTranslations("alerts");
  const locale = (await getLocale()) as Locale;
  return (
    <Card title={t("silences.title")} caption={t("silences.caption")}>
      {silences.length === 0 ? (
        <p className="py-3 text-sm text-zinc-500 dark:text-zinc-400">{t("silences.none")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {silences.map((silence) => {
            const title = titles.find((r) => r.id === silence.ruleId)?.title ?? "";
            return (
              <li key={silence.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5">
                <div className="min-w-[14rem] flex-1">
                  <p className="text-sm font-medium">
                    {title}
                    <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">
                      {silence.instance ?? t("silences.allInstances")}
                    </span>
                  </p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {t("silences.until", {
                      until: formatDateTime(silence.endsAt, zone, locale),
                      reason: silence.reason,
                      by: operator ? silence.createdBy : t("silences.anOperator"),
                    })}
                  </p>
                </div>
                {operator ? (
                  <ActionButton
                    action={endSilenceAction}
                    fields={{ id: silence.id }}
                    label={t("silences.end")}
                    name={t("silences.endName", { rule: title })}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
