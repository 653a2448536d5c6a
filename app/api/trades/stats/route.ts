import { tradeStatsJson } from "@/app/api/_contract/trades";
import { apiClock } from "@/db/queries/request-clock";
import { getTradeStats } from "@/db/queries/trade-stats";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => tradeStatsJson(getTradeStats(apiClock(params))));
}
