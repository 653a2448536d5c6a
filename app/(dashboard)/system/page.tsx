import { getLocale, getTranslations } from "next-intl/server";
import { readSystemSearch, type SystemSearchParams } from "@/app/(dashboard)/system/search-params";
import { BackgroundCountCard } from "@/components/system/background-count-card";
import { OperatorSessionsCard } from "@/components/system/operator-sessions-card";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { pageClock } from "@/db/queries/page-clock";
import { getDataQuality } from "@/db/queries/data-quality";
import { getHealth, getTableStats } from "@/db/queries/health";
import { getSystemMetrics } from "@/db/queries/system-metrics";
import { ChartFigure } from "@/components/charts/chart-figure";
import {
  formatCompact,
  formatCount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatUsd,
} from "@/lib/format";
import type { ChartUnit } from "@/lib/chart-units";
import { GOOD, seriesColour } from "@/lib/palette";
import { readerIsOperator } from "@/lib/server/operator";
import { periodTag } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { metricsDays, metricsSeries } from "@/lib/series/system-metrics";

export async function generateMetadata() {
  const t = await getTranslations("system");
  return { title: t("title") };
}

export default async function SystemPage({ searchParams }: { searchParams: Promise<SystemSearchParams> }) {
  const { pnlCurrency } = getDisplaySettings();
  const clock = await pageClock(searchParams);
  const { period, problem } = readSystemSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const health = getHealth(ctx);
  const days = metricsDays(getSystemMetrics(ctx));
  const series = metricsSeries(days);
  const quality = getDataQuality(ctx);
  const { path, tables } = getTableStats(ctx);
  const operator = await readerIsOperator(); // where the file lives is for operators, not a public dashboard's readers
  const t = await getTranslations("system");
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <PeriodPicker path="/system" period={ctx.period} problem={problem} />
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("database.title")}>
          <Facts
            className="grid-cols-2 sm:grid-cols-5"
            items={[
              {
                label: t("database.file"),
                value: operator ? path : t("database.fileHidden"),
                wide: "col-span-2 min-w-0 break-all",
              },
              { label: t("database.schemaVersion"), value: String(health.schemaVersion ?? "—") },
              { label: t("database.journalMode"), value: health.database.journalMode },
              // Bytes read the same in either language (143.5MB, not 1.4억B).
              {
                label: t("database.size"),
                value: `${formatCompact(health.database.sizeBytes, "en")}B`,
                figure: "fileSize",
              },
              {
                label: t("database.newestEvent"),
                figure: "newestEvent",
                value: health.database.lastEventAt
                  ? formatDateTime(Date.parse(health.database.lastEventAt), ctx.zone, locale)
                  : t("database.noEvent"),
              },
            ]}
          />
          <div className="mt-4">
            <Table
              caption={t("tables.caption")}
              csv="tables"
              rows={tables}
              rowKey={(table) => table.table}
              empty={t("tables.empty")}
              columns={[
                {
                  header: t("tables.table"),
                  text: (table) => table.table,
                  cell: (table) => <span className="font-mono text-xs">{table.table}</span>,
                },
                {
                  header: t("tables.rows"),
                  numeric: true,
                  figure: "tableRows",
                  cell: (table) => (table.rows === null ? t("tables.beingCounted") : formatCount(table.rows, locale)),
                },
                {
                  header: t("tables.newestEvent", { zone: ctx.zone }),
                  numeric: true,
                  figure: "newestEvent",
                  cell: (table) => (table.newestMs === null ? "—" : formatDateTime(table.newestMs, ctx.zone, locale)),
                },
              ]}
            />
          </div>
        </Card>
        <BackgroundCountCard clock={ctx} />
        <OperatorSessionsCard clock={ctx} />
        <Card title={t("charts.title")} caption={t("charts.caption", { zone: ctx.zone })}>
          <div className="grid gap-6 xl:grid-cols-2">
            {[
              { key: "totalPnl", figure: "systemPnl" as const, kind: "bar", unit: "money", colour: GOOD },
              {
                key: "totalCostUsd",
                figure: "systemLlmCost" as const,
                kind: "bar",
                unit: "usd",
                colour: seriesColour(1),
              },
              {
                key: "winRate",
                figure: "systemWinRate" as const,
                kind: "line",
                unit: "percent",
                colour: seriesColour(2),
              },
              {
                key: "avgDecisionTimeSeconds",
                figure: "decisionTime" as const,
                kind: "line",
                unit: "score",
                colour: seriesColour(3),
              },
            ].map((chart) => (
              <ChartFigure
                key={chart.key}
                title={t(`charts.${chart.key}.title`)}
                figure={chart.figure}
                summary={t(`charts.${chart.key}.summary`, { days: series.length })}
                data={series}
                series={[
                  {
                    key: chart.key,
                    label: t(`charts.${chart.key}.label`, { currency: pnlCurrency }),
                    colour: chart.colour,
                  },
                ]}
                kind={chart.kind as "bar" | "line"}
                unit={chart.unit as ChartUnit}
                currency={pnlCurrency}
                height={200}
                showTitle
                empty={t("charts.empty")}
              />
            ))}
          </div>
        </Card>
        <Card title={t("quality.title")} caption={t("quality.caption")}>
          {quality.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("quality.none")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {quality.map((note) => (
                <li key={`${note.subject}-${note.kind}`}>
                  <span className="font-mono text-xs">{note.subject}</span> ·{" "}
                  {t.rich(`quality.note.${note.kind}`, {
                    ...note.values,
                    count: note.count,
                    n: (chunks) => <span className="font-medium tabular-nums">{chunks}</span>,
                  })}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("daily.title")} caption={t("daily.caption")}>
          <Table
            caption={t("daily.tableCaption")}
            csv={`system-metrics-${periodTag(ctx.period)}`}
            rows={days}
            rowKey={(m) => m.date}
            empty={t("daily.empty")}
            columns={[
              { header: t("daily.date"), text: (m) => m.date, cell: (m) => formatDate(m.date, locale) },
              { header: t("daily.trades"), numeric: true, figure: "systemTrades", cell: (m) => m.totalTrades },
              {
                header: t("daily.winRate"),
                numeric: true,
                figure: "systemWinRate",
                cell: (m) => formatPercent(m.winRate, locale),
              },
              {
                header: t("daily.pnl", { currency: pnlCurrency }),
                numeric: true,
                figure: "systemPnl",
                cell: (m) => formatMoney(m.totalPnl, pnlCurrency, locale),
              },
              {
                header: t("daily.llmCost"),
                numeric: true,
                figure: "systemLlmCost",
                cell: (m) => formatUsd(m.totalCostUsd, locale),
              },
              {
                header: t("daily.decisionTime"),
                numeric: true,
                figure: "decisionTime",
                cell: (m) =>
                  m.avgDecisionTimeSeconds === null
                    ? "—"
                    : t("daily.seconds", { seconds: m.avgDecisionTimeSeconds.toFixed(1) }),
              },
              {
                header: t("daily.efficiency"),
                numeric: true,
                figure: "systemEfficiency",
                cell: (m) => m.agentEfficiencyScore.toFixed(2),
              },
              {
                header: t("daily.autoHuman"),
                numeric: true,
                figure: "autoHuman",
                cell: (m) => `${m.autoImprovements} / ${m.humanInterventions}`,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
