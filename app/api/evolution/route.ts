import { evolutionJson } from "@/app/api/_contract/evolution";
import { getEvolution } from "@/db/queries/evolution";
import { apiClock } from "@/db/queries/request-clock";
import { jsonFrom, textParam } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) =>
    evolutionJson(getEvolution(apiClock(params), { agent: textParam(params, "agent") })),
  );
}
