import { requestClock } from "@/db/queries/request-clock";
import { getSystemMetrics } from "@/db/queries/system-metrics";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getSystemMetrics(periodParam(params, 30, requestClock())));
}
