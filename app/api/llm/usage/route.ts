import { llmUsageJson } from "@/app/api/_contract/llm";
import { apiClock } from "@/db/queries/request-clock";
import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { jsonFrom } from "@/lib/api-params";
import { periodParam } from "@/lib/period-params";
import { readContext } from "@/lib/read-context";
import { API_DAYS } from "@/app/api/_contract/period";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const clock = apiClock(params);
    const ctx = readContext(clock, periodParam(params, API_DAYS.llm, clock));
    return llmUsageJson(getLlmUsageStats(ctx), ctx.period);
  });
}
