import { getLlmUsageStats } from "@/db/queries/llm-usage";
import { daysParam, jsonFrom } from "@/lib/api-params";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return jsonFrom(request, (params) => getLlmUsageStats(daysParam(params, 7)));
}
