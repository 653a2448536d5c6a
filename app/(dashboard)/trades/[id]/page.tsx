import { notFound } from "next/navigation";
import { TradeRecordView } from "@/components/trades/trade-record";
import { tradeIdFromParam } from "@/components/trades/trade-url";
import { getTrade } from "@/db/queries/trade-log";

export default async function TradePage({ params }: { params: Promise<{ id: string }> }) {
  const trade = getTrade({ tradeId: tradeIdFromParam((await params).id) });
  if (!trade) notFound();
  return <TradeRecordView trade={trade} />;
}
