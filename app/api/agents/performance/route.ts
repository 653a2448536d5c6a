import { getAgentPerformance } from "@/db/queries/agent-performance";
import { daysParam, jsonFrom, textParam } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getAgentPerformance(daysParam(params, 30), textParam(params, "agent")));
}
