import { systemMetricsJson } from "@/app/api/_contract/system";
import { apiClock } from "@/db/queries/request-clock";
import { getSystemMetrics } from "@/db/queries/system-metrics";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";
import { readContext } from "@/lib/read-context";
import { API_DAYS } from "@/app/api/_contract/period";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params);
    return systemMetricsJson(getSystemMetrics(readContext(clock, periodParam(params, API_DAYS.other, clock))));
  });
}
