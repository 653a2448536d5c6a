import { tradeStatsJson } from "@/app/api/_contract/trades";
import { getTradeStats } from "@/db/queries/trade-stats";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, () => tradeStatsJson(getTradeStats()));
}
