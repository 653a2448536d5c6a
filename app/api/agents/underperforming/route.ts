import { underperformingJson } from "@/app/api/_contract/agents";
import { apiClock } from "@/db/queries/request-clock";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { intParam, jsonFrom, numberParam } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";
import { readContext } from "@/lib/read-context";
import { REVIEW_RULE } from "@/lib/review-rule";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params);
    // Read in this order, so a request wrong in several places is told the same first mistake as always.
    const minTrades = intParam(params, "min_trades", REVIEW_RULE.minTrades, 0, 1_000_000);
    const ctx = readContext(clock, periodParam(params, REVIEW_RULE.days, clock));
    const threshold = numberParam(params, "threshold", REVIEW_RULE.threshold, -1e15, 1e15);
    return underperformingJson(getUnderperformingAgents(ctx, { minTrades, threshold }));
  });
}
