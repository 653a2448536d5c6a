import { agentContributionJson } from "@/app/api/_contract/agents";
import { apiClock } from "@/db/queries/request-clock";
import { getAgentContribution } from "@/db/queries/agent-contribution";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";
import { readContext } from "@/lib/read-context";
import { API_DAYS } from "@/app/api/_contract/period";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params);
    const ctx = readContext(clock, periodParam(params, API_DAYS.other, clock));
    return agentContributionJson(getAgentContribution(ctx), ctx.period);
  });
}
