import { getLocale, getTranslations } from "next-intl/server";
import { getPeriodComparison } from "@/db/queries/overview";
import { getMetricsSummary } from "@/db/queries/overview-series";
import { Stat, StatSkeleton } from "@/components/ui/stat";
import { changeAgainst, pointsAgainst, type Change, type Movement } from "@/lib/change";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import { periodText } from "@/components/ui/period-text";
import type { ReadContext } from "@/lib/read-context";

/** The period's key figures, each against the period of the same length before it. */
export async function OverviewStats({ ctx }: { ctx: ReadContext }) {
  const t = await getTranslations("overview");
  const locale = await getLocale();
  const { current, previous: before } = getPeriodComparison(ctx);
  const { llm, trading, pnlCurrency } = current;
  const metrics = getMetricsSummary(ctx);
  const label = (await periodText(ctx.period)).length;
  // A movement in the reader's words: "▲ 12.5% vs previous 30d", "이전 30d 대비 ▲ 12.5%".
  const said = (movement: Movement | undefined): Change | undefined =>
    movement && {
      tone: movement.tone,
      text:
        movement.kind === "same"
          ? t("change.same", { label })
          : t(`change.${movement.kind}`, {
              arrow: movement.up ? "▲" : "▼",
              amount: movement.amount.toFixed(1),
              label,
            }),
    };
  const m = metrics.current;
  const p = metrics.previous;
  const pnl = trading.withPnl > 0 ? trading.pnl : null;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4 2xl:grid-cols-5">
      <Stat
        label={t("stats.pnl.label", { currency: pnlCurrency })}
        figure="pnl7Days"
        value={formatMoney(pnl, pnlCurrency, locale)}
        detail={t("stats.pnl.detail", { withPnl: trading.withPnl, trades: trading.trades })}
        tone={trading.pnl > 0 ? "good" : trading.pnl < 0 ? "bad" : "neutral"}
        change={said(changeAgainst(pnl, before.trading.withPnl > 0 ? before.trading.pnl : null))}
      />
      <Stat
        label={t("stats.winRate.label")}
        figure="winRate"
        value={formatPercent(trading.winRate, locale)}
        detail={t("stats.winRate.detail", { wins: trading.wins, losses: trading.losses })}
        change={said(pointsAgainst(trading.winRate, before.trading.winRate))}
      />
      <Stat
        label={t("stats.trades.label")}
        figure="trades"
        value={formatCount(trading.trades, locale)}
        change={said(changeAgainst(trading.trades, before.trading.trades, "neither"))}
      />
      <Stat
        label={t("stats.llmCost.label")}
        figure="llmCost"
        value={formatUsd(llm.costUsd, locale)}
        detail={t("stats.llmCost.detail", { calls: llm.calls, successRate: formatPercent(llm.successRate, locale) })}
        change={said(changeAgainst(llm.costUsd, before.llm.costUsd, "down"))}
      />
      <Stat
        label={t("stats.costPerTrade.label")}
        figure="costPerTrade"
        value={formatUsd(trading.costPerTrade, locale)}
        change={said(changeAgainst(trading.costPerTrade, before.trading.costPerTrade, "down"))}
      />
      <Stat
        label={t("stats.decisionTime.label")}
        figure="decisionTime"
        value={m ? t("stats.decisionTime.value", { seconds: m.decisionSeconds.toFixed(1) }) : "—"}
        detail={m ? t("stats.decisionTime.detail", { days: m.days }) : t("stats.decisionTime.noMetrics")}
        change={said(changeAgainst(m?.decisionSeconds ?? null, p?.decisionSeconds ?? null, "down"))}
      />
      <Stat
        label={t("stats.efficiency.label")}
        figure="systemEfficiency"
        value={m ? m.efficiency.toFixed(2) : "—"}
        change={said(changeAgainst(m?.efficiency ?? null, p?.efficiency ?? null))}
      />
      <Stat
        label={t("stats.diversity.label")}
        figure="modelDiversity"
        value={m ? m.diversity.toFixed(2) : "—"}
        detail={t("stats.diversity.detail")}
        change={said(changeAgainst(m?.diversity ?? null, p?.diversity ?? null, "neither"))}
      />
      <Stat
        label={t("stats.autoImprovements.label")}
        figure="autoImprovements"
        value={m ? formatCount(m.autoImprovements, locale) : "—"}
        detail={m ? t("stats.autoImprovements.detail", { interventions: m.humanInterventions }) : undefined}
        change={said(changeAgainst(m?.autoImprovements ?? null, p?.autoImprovements ?? null, "neither"))}
      />
      <Stat
        label={t("stats.humanInterventions.label")}
        figure="humanInterventions"
        value={m ? formatCount(m.humanInterventions, locale) : "—"}
        change={said(changeAgainst(m?.humanInterventions ?? null, p?.humanInterventions ?? null, "down"))}
      />
    </dl>
  );
}

export function OverviewStatsSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4 2xl:grid-cols-5">
      {Array.from({ length: 10 }, (_, i) => (
        <StatSkeleton key={i} />
      ))}
    </div>
  );
}
