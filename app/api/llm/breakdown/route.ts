import { getUsageBreakdown } from "@/db/queries/llm-usage-breakdown";
import { daysParam, jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

/** Beyond the trading system's own figures: by model and request type, latency percentiles, errors and the daily series. */
export function GET(request: Request) {
  return jsonFrom(request, (params) => getUsageBreakdown(daysParam(params, 7)));
}
