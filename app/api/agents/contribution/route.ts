import { getAgentContribution } from "@/db/queries/agent-contribution";
import { daysParam, jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getAgentContribution(daysParam(params, 30)));
}
