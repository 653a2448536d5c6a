import { getEvolution } from "@/db/queries/evolution";
import { jsonFrom, textParam } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getEvolution({ agent: textParam(params, "agent") }));
}
