import { getSystemMetrics } from "@/db/queries/system-metrics";
import { daysParam, jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getSystemMetrics(daysParam(params, 30)));
}
