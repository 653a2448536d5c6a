import { getAgentMapping } from "@/db/queries/agent-mapping";
import { jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, () => getAgentMapping());
}
