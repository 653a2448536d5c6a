import { getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { Card } from "@/components/ui/card";
import { getDailyFigures } from "@/db/queries/overview-series";
import { overviewDailySeries } from "@/lib/series/overview";
import { formatMoney, formatUsd, zoneLabel } from "@/lib/format";
import { GOOD, providerColour } from "@/lib/palette";
import type { ReadContext } from "@/lib/read-context";

/** Daily PnL, and daily LLM cost stacked by provider, over the period. */
export async function DailyCharts({ ctx }: { ctx: ReadContext }) {
  const { days, trades, calls, pnlCurrency } = getDailyFigures(ctx);
  const { providers, rows, interval, totals } = overviewDailySeries(days, trades, calls);
  const t = await getTranslations("overview");
  const locale = await getLocale();
  const zone = zoneLabel(ctx.zone, ctx.now);
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card
        covers="trades"
        title={t("daily.pnl.title", { interval, currency: pnlCurrency })}
        caption={t("daily.pnl.caption", { interval, zone })}
      >
        <ChartFigure
          title={t("daily.pnl.chart", { interval })}
          figure="pnl7Days"
          summary={t("daily.pnl.summary", {
            interval,
            total: formatMoney(totals.pnl, pnlCurrency, locale),
            count: rows.length,
          })}
          data={rows}
          series={[{ key: "pnl", label: t("daily.pnl.series", { currency: pnlCurrency }), colour: GOOD }]}
          kind="bar"
          unit="money"
          currency={pnlCurrency}
          empty={t("daily.pnl.empty")}
        />
      </Card>
      <Card
        covers="calls"
        title={t("daily.cost.title", { interval })}
        caption={t("daily.cost.caption", { interval, zone })}
      >
        <ChartFigure
          title={t("daily.cost.chart", { interval })}
          figure="llmCost"
          summary={t("daily.cost.summary", {
            interval,
            providers: providers.join(", ") || t("none"),
            total: formatUsd(totals.cost, locale),
          })}
          data={rows}
          series={providers.map((p, i) => ({ key: `cost_${p}`, label: p, colour: providerColour(p, i) }))}
          kind="bar"
          stacked
          unit="usd"
          empty={t("daily.cost.empty")}
        />
      </Card>
    </div>
  );
}
