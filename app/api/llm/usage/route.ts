import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { getUsageBreakdown } from "@/db/queries/llm-usage-breakdown";
import { daysParam, jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => {
    const days = daysParam(params, 7);
    return { ...getLlmUsageStats(days), ...getUsageBreakdown(days) };
  });
}
