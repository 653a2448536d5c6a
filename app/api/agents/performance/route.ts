import { requestClock } from "@/db/queries/request-clock";
import { getAgentPerformance } from "@/db/queries/agent-performance";
import { jsonFrom, textParam } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getAgentPerformance(periodParam(params, 30, requestClock()), textParam(params, "agent")));
}
