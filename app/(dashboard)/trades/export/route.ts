import { getTradeLog } from "@/db/queries/trade-log";
import { csvLine } from "@/lib/csv";
import { naiveIso } from "@/lib/event-time";
import { readTradeFilters } from "@/lib/trade-filters";

/** The trade log as CSV, every row of its filters (not only the page shown), times naive in DATA_TIMEZONE. */
export function GET(request: Request) {
  const { filters } = readTradeFilters(Object.fromEntries(new URL(request.url).searchParams));
  const log = getTradeLog(filters, undefined, Date.now(), Infinity);
  const lines = [csvLine(["time", "trade_id", "ticker", "action", "quantity", "price", "pnl_7_days", "decision_confidence"])];
  for (const t of log.rows) lines.push(csvLine([naiveIso(t.atMs, log.zone), t.tradeId, t.ticker, t.action, t.quantity, t.price, t.pnl7Days, t.decisionConfidence]));
  return new Response(lines.join("\r\n") + "\r\n", {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="trades-${filters.days}d.csv"` },
  });
}
