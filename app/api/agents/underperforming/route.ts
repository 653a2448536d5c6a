import { requestClock } from "@/db/queries/request-clock";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { intParam, jsonFrom, numberParam } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) =>
    getUnderperformingAgents({
      minTrades: intParam(params, "min_trades", 10, 0, 1_000_000),
      period: periodParam(params, 30, requestClock()),
      threshold: numberParam(params, "threshold", -0.1, -1e15, 1e15),
    }),
  );
}
