import { getPeriodComparison } from "@/db/queries/overview";
import { getMetricsSummary } from "@/db/queries/overview-series";
import { Stat, StatSkeleton } from "@/components/ui/stat";
import { changeAgainst, pointsAgainst } from "@/lib/change";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import { periodLength } from "@/lib/period";
import type { ReadContext } from "@/lib/read-context";

/** The period's key figures, each against the period of the same length before it. */
export async function OverviewStats({ ctx }: { ctx: ReadContext }) {
  const { current, previous: before } = getPeriodComparison(ctx);
  const { llm, trading, pnlCurrency } = current;
  const metrics = getMetricsSummary(ctx);
  const label = periodLength(ctx.period);
  const m = metrics.current;
  const p = metrics.previous;
  const pnl = trading.withPnl > 0 ? trading.pnl : null;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4 2xl:grid-cols-5">
      <Stat
        label={`PnL (7-day, ${pnlCurrency})`}
        value={formatMoney(pnl, pnlCurrency)}
        detail={`${formatCount(trading.withPnl)} of ${formatCount(trading.trades)} trades have a result yet`}
        tone={trading.pnl > 0 ? "good" : trading.pnl < 0 ? "bad" : "neutral"}
        change={changeAgainst(pnl, before.trading.withPnl > 0 ? before.trading.pnl : null, label)}
      />
      <Stat
        label="Win rate"
        value={formatPercent(trading.winRate)}
        detail={`${trading.wins} wins · ${trading.losses} losses`}
        change={pointsAgainst(trading.winRate, before.trading.winRate, label)}
      />
      <Stat
        label="Trades"
        value={formatCount(trading.trades)}
        change={changeAgainst(trading.trades, before.trading.trades, label, "neither")}
      />
      <Stat
        label="LLM cost (USD)"
        value={formatUsd(llm.costUsd)}
        detail={`${formatCount(llm.calls)} calls · ${formatPercent(llm.successRate)} succeeded`}
        change={changeAgainst(llm.costUsd, before.llm.costUsd, label, "down")}
      />
      <Stat
        label="LLM cost per trade"
        value={formatUsd(trading.costPerTrade)}
        change={changeAgainst(trading.costPerTrade, before.trading.costPerTrade, label, "down")}
      />
      <Stat
        label="Average decision time"
        value={m ? `${m.decisionSeconds.toFixed(1)} s` : "—"}
        detail={m ? `over ${m.days} day(s) of system metrics` : "no system metrics yet in this period"}
        change={changeAgainst(m?.decisionSeconds ?? null, p?.decisionSeconds ?? null, label, "down")}
      />
      <Stat
        label="Agent efficiency"
        value={m ? m.efficiency.toFixed(2) : "—"}
        change={changeAgainst(m?.efficiency ?? null, p?.efficiency ?? null, label)}
      />
      <Stat
        label="Model diversity"
        value={m ? m.diversity.toFixed(2) : "—"}
        detail="spread of providers across agents (0–1)"
        change={changeAgainst(m?.diversity ?? null, p?.diversity ?? null, label, "neither")}
      />
      <Stat
        label="Automatic improvements"
        value={m ? formatCount(m.autoImprovements) : "—"}
        detail={m ? `against ${formatCount(m.humanInterventions)} human intervention(s)` : undefined}
        change={changeAgainst(m?.autoImprovements ?? null, p?.autoImprovements ?? null, label, "neither")}
      />
      <Stat
        label="Human interventions"
        value={m ? formatCount(m.humanInterventions) : "—"}
        change={changeAgainst(m?.humanInterventions ?? null, p?.humanInterventions ?? null, label, "down")}
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
