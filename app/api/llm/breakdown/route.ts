import { usageBreakdownJson } from "@/app/api/_contract/llm";
import { apiClock } from "@/db/queries/request-clock";
import { getUsageBreakdown } from "@/db/queries/llm-usage-breakdown";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";
import { readContext } from "@/lib/read-context";
import { API_DAYS } from "@/app/api/_contract/period";

export const dynamic = "force-dynamic";

/**
 * Beyond the trading system's own figures: by model and request type, latency percentiles, errors and the daily series.
 */
export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params);
    return usageBreakdownJson(getUsageBreakdown(readContext(clock, periodParam(params, API_DAYS.llm, clock))));
  });
}
