import { notFound } from "next/navigation";
import { TradeRecordView } from "@/components/trades/trade-record";
import { tradeIdFromParam } from "@/components/trades/trade-url";
import { pageClock } from "@/db/queries/page-clock";
import { getTrade } from "@/db/queries/trade-log";

export default async function TradePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<object>;
}) {
  const clock = await pageClock(searchParams);
  const trade = getTrade(clock, { tradeId: tradeIdFromParam((await params).id) });
  if (!trade) notFound();
  return <TradeRecordView trade={trade} clock={clock} />;
}
