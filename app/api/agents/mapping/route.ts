import { agentMappingJson } from "@/app/api/_contract/agents";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { requestClock } from "@/db/queries/request-clock";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const clock = requestClock();
  return jsonFrom(request, () => agentMappingJson(getAgentMapping(clock)));
}
