import { evolutionJson } from "@/app/api/_contract/evolution";
import { getEvolution } from "@/db/queries/evolution";
import { requestClock } from "@/db/queries/request-clock";
import { jsonFrom, textParam } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const clock = requestClock();
  return jsonFrom(request, (params) => evolutionJson(getEvolution(clock, { agent: textParam(params, "agent") })));
}
