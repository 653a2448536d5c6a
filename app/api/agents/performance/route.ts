import { agentPerformanceJson } from "@/app/api/_contract/agents";
import { apiClock } from "@/db/queries/request-clock";
import { getAgentPerformance } from "@/db/queries/agent-performance";
import { jsonFrom, textParam } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";
import { readContext } from "@/lib/read-context";
import { API_DAYS } from "@/app/api/_contract/period";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params);
    return agentPerformanceJson(
      getAgentPerformance(readContext(clock, periodParam(params, API_DAYS.other, clock)), textParam(params, "agent")),
    );
  });
}
