import "server-only";
import type { LlmDimension } from "@/db/aggregates/llm-window-reader";
import { canonicalModel } from "@/lib/model-names";
import type { ReadContext } from "@/lib/read-context";
import type { CostDimension } from "@/lib/series/costs";
import { periodDays } from "./calendar-window";
import { llmWindow } from "./open-llm-window";

// The calls' dimension behind each grouping of the page.
const DIMENSIONS: Record<CostDimension, LlmDimension> = {
  provider: "provider",
  model: "model",
  agent: "agentName",
  request_type: "requestType",
};

/**
 * LLM calls, tokens and cost per calendar day of the period and provider, canonical model, agent or request type,
 * with the period's days (lib/series/costs.ts turns them into chart rows).
 */
export function getCostsByDay(ctx: ReadContext, by: CostDimension) {
  const costs = llmWindow(ctx)
    .dailyBy(DIMENSIONS[by])
    .map((r) => ({ ...r, group: by === "model" ? canonicalModel(r.group) : r.group }));
  return { days: periodDays(ctx.period, ctx.zone), costs };
}
