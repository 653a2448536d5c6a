import { requestClock } from "@/db/queries/request-clock";
import { getAgentContribution } from "@/db/queries/agent-contribution";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getAgentContribution(periodParam(params, 30, requestClock())));
}
