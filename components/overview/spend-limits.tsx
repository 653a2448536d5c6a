import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getSpend } from "@/db/queries/overview-series";
import { formatPercent, formatUsd } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";

/** LLM spend against the agent config's daily and weekly limits, with a clear warning past the alert threshold. */
export async function SpendLimits({ clock }: { clock: RequestClock }) {
  const t = await getTranslations("overview");
  const locale = await getLocale();
  const spend = getSpend(clock);
  const alertAt = formatPercent(spend.alertAt * 100, locale, 0);
  const rows = [
    { label: t("spend.today"), spent: spend.today, limit: spend.dailyLimit, limitName: "cost_limit_daily" },
    { label: t("spend.week"), spent: spend.week, limit: spend.weeklyLimit, limitName: "cost_limit_weekly" },
  ];
  return (
    <Card
      covers="calls"
      title={t("spend.title")}
      caption={t("spend.caption", { alertAt })}
      explain={{ figure: "budgetUse", name: t("spend.title") }}
    >
      <ul className="space-y-4">
        {rows.map((r) => {
          const share = r.spent / r.limit;
          const state = share >= 1 ? "over" : share >= spend.alertAt ? "alert" : "ok";
          const bar = state === "ok" ? "bg-[#0072B2]" : state === "alert" ? "bg-[#E69F00]" : "bg-[#D55E00]";
          return (
            <li key={r.label}>
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{r.label}</span>
                <span className="tabular-nums">
                  {t("spend.spent", { spent: formatUsd(r.spent, locale), limit: formatUsd(r.limit, locale) })}{" "}
                  <span className="text-zinc-500 dark:text-zinc-400">({formatPercent(share * 100, locale, 0)})</span>
                </span>
              </div>
              <div
                role="meter"
                aria-label={t("spend.meter", { period: r.label, limitName: r.limitName })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(Math.min(share, 1) * 100)}
                className="mt-1 h-2 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"
              >
                <div className={`h-full ${bar}`} style={{ width: `${Math.min(share, 1) * 100}%` }} />
              </div>
              {state !== "ok" ? (
                <p role="alert" className="mt-1 text-xs font-medium text-[#B34700] dark:text-[#F0A050]">
                  {state === "over"
                    ? t("spend.over", { limitName: r.limitName })
                    : t("spend.alert", { alertAt, limitName: r.limitName })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
