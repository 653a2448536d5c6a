import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { deleteRuleAction, ruleSwitchAction } from "@/app/(dashboard)/alerts/actions";
import { Card } from "@/components/ui/card";
import type { ActiveAlert } from "@/db/queries/alerts";
import { describeRule } from "@/lib/alerts/message";
import type { AlertRule } from "@/lib/alerts/rules";
import type { Locale } from "@/lib/locale";
import { ActionButton } from "./action-button";

/** Every rule: what it watches, whether it fires now, how often it repeats; an operator switches, edits, deletes. */
export async function RuleList({
  rules,
  active,
  configShare,
  operator,
}: {
  rules: (AlertRule & { title: string })[];
  active: ActiveAlert[];
  configShare: number;
  operator: boolean;
}) {
  const t = await getTranslations("alerts");
  const locale = (await getLocale()) as Locale;
  return (
    <Card title={t("rules.title")} caption={t("rules.caption")}>
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {rules.map((rule) => {
          const firing = active.filter((a) => a.ruleId === rule.id).length;
          return (
            <li key={rule.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5">
              <div className="min-w-[14rem] flex-1">
                <p
                  className={`text-sm font-medium ${rule.enabled ? "" : "text-zinc-400 line-through dark:text-zinc-500"}`}
                >
                  {rule.title}
                </p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {rule.name ? `${describeRule(t, locale, rule, configShare)} · ` : ""}
                  {t("rules.repeat", repeatIn(rule.repeatMinutes))}
                </p>
              </div>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                  !rule.enabled
                    ? "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
                    : firing > 0
                      ? "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300"
                      : "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
                }`}
              >
                {!rule.enabled ? t("rules.off") : firing > 0 ? t("rules.firing", { count: firing }) : t("rules.ok")}
              </span>
              {operator ? (
                <div className="flex flex-wrap gap-2">
                  <Link
                    href={`/alerts?rule=${rule.id}#rule-form`}
                    className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    aria-label={t("rules.editName", { rule: rule.title })}
                  >
                    {t("rules.edit")}
                  </Link>
                  <ActionButton
                    action={ruleSwitchAction}
                    fields={{ id: rule.id, enabled: rule.enabled ? "off" : "on" }}
                    label={rule.enabled ? t("rules.switchOff") : t("rules.switchOn")}
                    name={
                      rule.enabled
                        ? t("rules.switchOffName", { rule: rule.title })
                        : t("rules.switchOnName", { rule: rule.title })
                    }
                  />
                  <ActionButton
                    action={deleteRuleAction}
                    fields={{ id: rule.id }}
                    label={t("rules.delete")}
                    name={t("rules.deleteName", { rule: rule.title })}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** A repeat interval in the largest whole unit: 1,440 minutes reads as a day, 240 as 4 hours. */
function repeatIn(minutes: number): { unit: string; count: number } {
  if (minutes % 1440 === 0) return { unit: "days", count: minutes / 1440 };
  if (minutes % 60 === 0) return { unit: "hours", count: minutes / 60 };
  return { unit: "minutes", count: minutes };
}
