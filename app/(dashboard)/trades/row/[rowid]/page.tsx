import { notFound } from "next/navigation";
import { TradeRecordView } from "@/components/trades/trade-record";
import { rowidFromParam } from "@/components/trades/trade-url";
import { requestClock } from "@/db/queries/request-clock";
import { getTrade } from "@/db/queries/trade-log";

/** A trade by its rowid: the address of a trade whose id cannot be one (components/trades/trade-url.ts). */
export default async function TradeRowPage({ params }: { params: Promise<{ rowid: string }> }) {
  const clock = requestClock();
  const rowid = rowidFromParam((await params).rowid);
  const trade = rowid === undefined ? undefined : getTrade(clock, { rowid });
  if (!trade) notFound();
  return <TradeRecordView trade={trade} clock={clock} />;
}
