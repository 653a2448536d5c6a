import Link from "next/link";
import { ContributionBars } from "@/components/trades/contribution-bars";
import { JsonBlock } from "@/components/trades/json-block";
import { tradeLabel } from "@/components/trades/trade-url";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { getDisplaySettings } from "@/db/queries/display-settings";
import type { TradeRecord } from "@/db/queries/trade-log";
import { formatCount, formatDateTime, formatMoney, formatPercent, zoneLabel } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";

/** A trade's page, whichever address found it (by id or by rowid). */
export function TradeRecordView({ trade, clock }: { trade: TradeRecord; clock: RequestClock }) {
  const { pnlCurrency } = getDisplaySettings();
  const pnl = (value: number | null) => (value === null ? "pending" : formatMoney(value, pnlCurrency));
  return (
    <>
      <PageHeader
        title={`${trade.action} ${trade.ticker}`}
        subtitle={`Trade ${tradeLabel(trade.tradeId)} · ${formatDateTime(trade.atMs, clock.zone)} ${zoneLabel(clock.zone)}`}
      >
        <Link href="/trades" className="text-sm text-emerald-700 underline dark:text-emerald-400">
          ← Trade log
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <Stat label="Quantity" value={formatCount(trade.quantity)} />
          <Stat label={`Price (${pnlCurrency})`} value={formatMoney(trade.price, pnlCurrency).replace(/^\+/, "")} />
          <Stat
            label="CIO confidence"
            value={trade.decisionConfidence === null ? "—" : formatPercent(trade.decisionConfidence * 100, 0)}
          />
          <Stat
            label={`7-day PnL (${pnlCurrency})`}
            value={pnl(trade.pnl7Days)}
            tone={(trade.pnl7Days ?? 0) > 0 ? "good" : (trade.pnl7Days ?? 0) < 0 ? "bad" : "neutral"}
          />
          <Stat
            label={`30-day PnL (${pnlCurrency})`}
            value={pnl(trade.pnl30Days)}
            tone={(trade.pnl30Days ?? 0) > 0 ? "good" : (trade.pnl30Days ?? 0) < 0 ? "bad" : "neutral"}
          />
        </dl>
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="Contributions" caption="each agent's share in the decision (agent_contributions)">
            <ContributionBars text={trade.agentContributions} />
          </Card>
          <Card title="Justification" caption="the CIO's reasoning, as written">
            <p lang="ko" className="text-sm leading-relaxed whitespace-pre-wrap">
              {trade.justificationText}
            </p>
          </Card>
        </div>
        <Card title="What the trading system saw">
          <div className="grid gap-4 xl:grid-cols-3">
            <JsonBlock title="Market snapshot" text={trade.marketSnapshot} />
            <JsonBlock title="Portfolio before" text={trade.portfolioBefore} />
            <JsonBlock title="Analysis metadata" text={trade.analysisMetadata} />
          </div>
        </Card>
      </div>
    </>
  );
}
