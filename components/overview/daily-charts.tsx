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
  const every = interval === "week" ? "Weekly" : "Daily";
  const caption = `per ${interval} in ${zoneLabel(ctx.zone)}`;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card title={`${every} PnL (7-day, ${pnlCurrency})`} caption={`${caption}, by the day each trade was made`}>
        <ChartFigure
          title={`${every} PnL`}
          summary={`7-day PnL of the trades made each ${interval}: ${formatMoney(totals.pnl, pnlCurrency)} over ${rows.length} ${interval}s.`}
          data={rows}
          series={[{ key: "pnl", label: `PnL (${pnlCurrency})`, colour: GOOD }]}
          kind="bar"
          unit="money"
          currency={pnlCurrency}
          empty="No trades in this period yet: the trading system's trades appear here as they are made."
        />
      </Card>
      <Card title={`${every} LLM cost by provider (USD)`} caption={caption}>
        <ChartFigure
          title={`${every} LLM cost by provider`}
          summary={`LLM cost per ${interval}, stacked by provider (${providers.join(", ") || "none"}): ${formatUsd(totals.cost)} in all.`}
          data={rows}
          series={providers.map((p, i) => ({ key: `cost_${p}`, label: p, colour: providerColour(p, i) }))}
          kind="bar"
          stacked
          unit="usd"
          empty="No LLM calls in this period yet: every call the agents make is counted here."
        />
      </Card>
    </div>
  );
}
