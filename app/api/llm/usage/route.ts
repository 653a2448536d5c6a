import { requestClock } from "@/db/queries/request-clock";
import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getLlmUsageStats(periodParam(params, 7, requestClock())));
}
