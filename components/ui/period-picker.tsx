import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PERIOD_LINKS, type Period } from "@/lib/period";
import { periodText } from "./period-text";

const ACTIVE = "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900";
const DATE = "rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * The period of every page (README "The pages"): the named `?days=N` links, and a from/to date form for any
 * calendar days, both keeping the page's path and the other filters given in `keep`. A from/to period shows as
 * the current one; `problem` says why the URL's period was not understood (the page then shows its default), in
 * the words of lib/period-params.ts (English, as the JSON API says them) inside a sentence in the reader's language.
 */
export async function PeriodPicker({
  path,
  period,
  keep,
  problem,
}: {
  path: string;
  period: Period;
  keep?: string;
  problem?: string;
}) {
  const days = "days" in period.search ? period.search.days : null;
  const t = await getTranslations("common");
  const text = await periodText(period);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <nav
          aria-label={t("period.nav")}
          className="inline-flex rounded-md border border-zinc-200 bg-white p-0.5 text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          {PERIOD_LINKS.map((link) => (
            <Link
              key={link.days}
              href={`${path}?${keep ? `${keep}&` : ""}days=${link.days}`}
              aria-current={link.days === days ? "true" : undefined}
              className={`rounded px-2.5 py-1 tabular-nums ${
                link.days === days
                  ? ACTIVE
                  : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              }`}
            >
              {t("period.label", { days: link.days })}
            </Link>
          ))}
          {days === null ? (
            <span aria-current="true" className={`rounded px-2.5 py-1 tabular-nums ${ACTIVE}`}>
              {text.label}
            </span>
          ) : null}
        </nav>
        <form
          method="get"
          action={path}
          aria-label={t("period.custom")}
          className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400"
        >
          {[...new URLSearchParams(keep)].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label className="flex items-center gap-1">
            {t("period.from")}
            <input type="date" name="from" required defaultValue={period.first} className={DATE} />
          </label>
          <label className="flex items-center gap-1">
            {t("period.to")}
            <input type="date" name="to" required defaultValue={period.last} className={DATE} />
          </label>
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-2 py-0.5 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            {t("period.show")}
          </button>
        </form>
      </div>
      {problem ? (
        <p role="alert" className="text-xs text-amber-800 dark:text-amber-300">
          {t("period.problem", { detail: problem, period: text.phrase })}
        </p>
      ) : null}
    </div>
  );
}
