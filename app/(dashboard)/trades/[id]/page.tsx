import { notFound } from "next/navigation";
import { TradeRecordView } from "@/components/trades/trade-record";
import { tradeIdFromParam } from "@/components/trades/trade-url";
import { requestClock } from "@/db/queries/request-clock";
import { getTrade } from "@/db/queries/trade-log";

export default async function TradePage({ params }: { params: Promise<{ id: string }> }) {
  const clock = requestClock();
  const trade = getTrade(clock, { tradeId: tradeIdFromParam((await params).id) });
  if (!trade) notFound();
  return <TradeRecordView trade={trade} clock={clock} />;
}
