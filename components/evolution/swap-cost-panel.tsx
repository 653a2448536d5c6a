import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatUsd } from "@/lib/format";
import { projectSwapCost, TYPICAL_OUTPUT_SHARE, type SwapCostBasis, type SwapPrices } from "@/lib/swap-cost";

const OVER = "text-amber-800 dark:text-amber-300";

/**
 * Under the swap form's model field: what the chosen agent's last 7 days of LLM calls would have cost on the typed
 * model against what they cost, and the desk's spend against the agent config's limits before and after. Computed in
 * the browser as the operator types (no request); a status region, so a screen reader hears each new figure.
 */
export function SwapCostPanel({
  basis,
  prices,
  agent,
  model,
}: {
  basis: SwapCostBasis | null;
  prices: SwapPrices;
  agent: string;
  model: string;
}) {
  const t = useTranslations("swapCost");
  const locale = useLocale();
  if (agent === "" || model.trim() === "") return null;
  const usd = (value: number) => formatUsd(value, locale);

  const say = (text: string) => (
    <div role="status" aria-label={t("panel.label")} className="text-xs text-zinc-600 dark:text-zinc-400">
      {text}
    </div>
  );
  if ("error" in prices) return say(t("panel.pricesUnreadable", { error: prices.error }));
  if (basis === null) return say(t("panel.counting"));
  const projection = projectSwapCost(basis, agent, model, prices.table);
  if (projection.kind === "noPrice") return say(t("panel.noPrice", { model: projection.model, file: prices.file }));
  if (projection.kind === "noCalls") return say(t("panel.noCalls", { agent }));

  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const { current, projected, desk } = projection;
  const week = {
    models: list.format(projection.models.map((m) => `${m.provider} ${m.model}`)),
    current: usd(current.total),
    model: model.trim(),
    projected: usd(projected.total),
  };
  return (
    <div
      role="status"
      aria-label={t("panel.label")}
      className="space-y-1 rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-2 text-xs break-words text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <p className="font-medium text-zinc-900 dark:text-zinc-100">
        {projection.change === null
          ? t("panel.lastWeekFree", week)
          : t("panel.lastWeek", { ...week, change: projection.change })}
      </p>
      <p>
        {t("panel.perDayMonth", {
          dayBefore: usd(current.perDay),
          dayAfter: usd(projected.perDay),
          monthBefore: usd(current.perMonth),
          monthAfter: usd(projected.perMonth),
        })}
      </p>
      <p className={desk.dailyAfter > basis.costLimitDaily ? OVER : undefined}>
        {t("panel.deskDaily", {
          before: usd(desk.dailyBefore),
          after: usd(desk.dailyAfter),
          limit: usd(basis.costLimitDaily),
        })}
      </p>
      <p className={desk.weekAfter > basis.costLimitWeekly ? OVER : undefined}>
        {t("panel.deskWeekly", {
          before: usd(desk.weekBefore),
          after: usd(desk.weekAfter),
          limit: usd(basis.costLimitWeekly),
        })}
      </p>
      {projection.assumed.length > 0 ? (
        <p>{t("panel.assumed", { models: list.format(projection.assumed), share: TYPICAL_OUTPUT_SHARE })}</p>
      ) : null}
      <p className="text-zinc-500 dark:text-zinc-400">
        {t("panel.basis", {
          first: formatDate(basis.first, locale),
          last: formatDate(basis.last, locale),
          file: prices.file,
        })}
      </p>
    </div>
  );
}
