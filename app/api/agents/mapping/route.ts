import { agentMappingJson } from "@/app/api/_contract/agents";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { apiClock } from "@/db/queries/request-clock";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => agentMappingJson(getAgentMapping(apiClock(params))));
}
