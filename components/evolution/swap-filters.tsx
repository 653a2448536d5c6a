import { useTranslations } from "next-intl";
import { SWAP_PERIODS, type SwapFilterValues } from "@/app/(dashboard)/evolution/search-params";
import { SWAP_STATUSES } from "@/lib/swap-status";

const SELECT = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** The timeline's filters, as a GET form: every filtered view is a link. */
export function SwapFilters({ agents, values }: { agents: string[]; values: SwapFilterValues }) {
  const t = useTranslations("evolution");
  const select = (name: keyof SwapFilterValues, label: string, options: [string, string][]) => (
    <label className="flex flex-col text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <select name={name} defaultValue={values[name] ?? ""} className={SELECT}>
        <option value="">{t("filters.all")}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action="/evolution" className="flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
      {select(
        "agent",
        t("filters.agent"),
        agents.map((a) => [a, a]),
      )}
      {select("trigger", t("filters.trigger"), [
        ["manual", "manual"],
        ["automatic", "automatic"],
        ["scheduled", "scheduled"],
      ])}
      {select(
        "status",
        t("filters.status"),
        SWAP_STATUSES.map((s) => [s, t(`status.${s}`)]),
      )}
      {select(
        "days",
        t("filters.period"),
        SWAP_PERIODS.map((days) => [String(days), t(`filters.days.${days}`)]),
      )}
      <button
        type="submit"
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("filters.submit")}
      </button>
    </form>
  );
}
