import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { getRecentTrades } from "@/db/queries/recent-trades";
import { formatCount, formatDateTime, formatMoney, zoneLabel } from "@/lib/format";

export const metadata = { title: "Trades" };

export default function TradesPage() {
  const { dataTimeZone, pnlCurrency } = getDisplaySettings();
  const trades = getRecentTrades(100);
  return (
    <>
      <PageHeader title="Trades" subtitle="The newest 100 trades; PnL arrives 7 days after a trade" />
      <Card title="Trade log" caption={`times in ${zoneLabel(dataTimeZone)}`}>
        <Table
          caption="Newest trades"
          rows={trades}
          rowKey={(t) => `${t.tradeId}-${t.timestamp}`}
          empty="No trades yet: the trading system records each order it places in the trades table."
          columns={[
            { header: "When", cell: (t) => formatDateTime(t.atMs, dataTimeZone) },
            { header: "Trade", cell: (t) => t.tradeId ?? "(no id)" },
            { header: "Ticker", cell: (t) => t.ticker },
            { header: "Action", cell: (t) => t.action },
            { header: "Quantity", numeric: true, cell: (t) => formatCount(t.quantity) },
            { header: `Price (${pnlCurrency})`, numeric: true, cell: (t) => formatMoney(t.price, pnlCurrency).replace(/^\+/, "") },
            { header: `7-day PnL (${pnlCurrency})`, numeric: true, cell: (t) => (t.pnl7Days === null ? "pending" : formatMoney(t.pnl7Days, pnlCurrency)) },
            { header: "CIO confidence", numeric: true, cell: (t) => t.decisionConfidence?.toFixed(2) ?? "—" },
          ]}
        />
      </Card>
    </>
  );
}
