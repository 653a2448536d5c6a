import { notFound } from "next/navigation";
import { TradeRecordView } from "@/components/trades/trade-record";
import { rowidFromParam } from "@/components/trades/trade-url";
import { pageClock } from "@/db/queries/page-clock";
import { getTrade } from "@/db/queries/trade-log";

/** A trade by its rowid: the address of a trade whose id cannot be one (components/trades/trade-url.ts). */
export default async function TradeRowPage({
  params,
  searchParams,
}: {
  params: Promise<{ rowid: string }>;
  searchParams: Promise<object>;
}) {
  const clock = await pageClock(searchParams);
  const rowid = rowidFromParam((await params).rowid);
  const trade = rowid === undefined ? undefined : getTrade(clock, { rowid });
  if (!trade) notFound();
  return <TradeRecordView trade={trade} clock={clock} />;
}
