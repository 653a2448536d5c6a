import { useLocale, useTranslations } from "next-intl";
import { formatUnit } from "@/lib/chart-units";
import { formatDate } from "@/lib/format";
import { Explain, type Figure } from "@/components/ui/explain";
import { TimeSeriesChart } from "./time-series-chart";

type ChartProps = React.ComponentProps<typeof TimeSeriesChart>;

/**
 * A chart with its text equivalent: a one-line summary for screen readers and a "Show the numbers" table that
 * everyone can open. The chart itself is hidden from assistive technology; the table says the same. `figure` says
 * what the plotted figure means and its unit: beside the title when it is shown, else at the end of
 * the table's toggle's line.
 */
export function ChartFigure({
  title,
  figure,
  summary,
  empty,
  showTitle = false,
  ...chart
}: ChartProps & { title: string; figure: Figure; summary: string; empty?: string; showTitle?: boolean }) {
  const t = useTranslations("charts");
  const locale = useLocale();
  const heading = showTitle ? (
    <h3 className="mb-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
      {title}
      <Explain figure={figure} name={title} />
    </h3>
  ) : null;
  const hasValues = chart.data.some((row) => chart.series.some((s) => typeof row[s.key] === "number"));
  if (!hasValues) {
    return (
      <div>
        {heading}
        <p className="py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">{empty ?? t("empty")}</p>
      </div>
    );
  }
  return (
    <figure aria-label={title}>
      {heading}
      <figcaption className="sr-only">{summary}</figcaption>
      <div aria-hidden>
        <TimeSeriesChart {...chart} />
      </div>
      {/* The "?" sits beside the toggle, not in it: a button inside a summary is not reachable as its own control. */}
      <div className="mt-2 flex items-start gap-2 text-xs">
        <details className="min-w-0 grow">
          <summary className="cursor-pointer text-zinc-500 select-none dark:text-zinc-400">{t("showNumbers")}</summary>
          <div className="mt-2 max-h-64 overflow-auto">
            <table className="w-full text-right tabular-nums">
              <thead className="sticky top-0 bg-white dark:bg-zinc-900">
                <tr>
                  <th scope="col" className="py-1 text-left font-medium">
                    {t("date")}
                  </th>
                  {chart.series.map((s) => (
                    <th key={s.key} scope="col" className="px-2 py-1 font-medium">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.data.map((row) => (
                  <tr key={row.date} className="border-t border-zinc-100 dark:border-zinc-800">
                    <th scope="row" className="py-1 text-left font-normal">
                      {formatDate(row.date, locale)}
                    </th>
                    {chart.series.map((s) => (
                      <td key={s.key} className="px-2 py-1">
                        {formatUnit(
                          typeof row[s.key] === "number" ? (row[s.key] as number) : null,
                          chart.unit,
                          locale,
                          chart.currency,
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        {showTitle ? null : <Explain figure={figure} name={title} />}
      </div>
    </figure>
  );
}
