import { getPeriodSummary } from "@/db/queries/overview";
import { Stat, StatSkeleton } from "@/components/ui/stat";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";

export async function OverviewStats({ days }: { days: number }) {
  const { llm, trading, pnlCurrency } = getPeriodSummary(days);
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat
        label={`PnL (7-day, ${pnlCurrency})`}
        value={formatMoney(trading.withPnl > 0 ? trading.pnl : null, pnlCurrency)}
        detail={`${formatCount(trading.withPnl)} of ${formatCount(trading.trades)} trades have a result yet`}
        tone={trading.pnl > 0 ? "good" : trading.pnl < 0 ? "bad" : "neutral"}
      />
      <Stat
        label="Win rate"
        value={formatPercent(trading.winRate)}
        detail={`${formatCount(trading.wins)} wins · ${formatCount(trading.losses)} losses`}
      />
      <Stat
        label="LLM cost (USD)"
        value={formatUsd(llm.costUsd)}
        detail={`${formatCount(llm.calls)} calls · ${formatPercent(llm.successRate)} succeeded`}
      />
      <Stat label="LLM cost per trade" value={formatUsd(trading.costPerTrade)} detail={`${formatCount(trading.trades)} trades`} />
    </dl>
  );
}

export function OverviewStatsSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {[0, 1, 2, 3].map((i) => (
        <StatSkeleton key={i} />
      ))}
    </div>
  );
}
