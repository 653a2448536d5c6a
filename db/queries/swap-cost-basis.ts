import "server-only";
import { database } from "@/db";
import type { LlmGroup } from "@/db/aggregates/llm-window-reader";
import { CountingInProgress } from "@/lib/counting-in-progress";
import { addDays, calendarDate, startOfDay } from "@/lib/event-time";
import { canonicalModel } from "@/lib/model-names";
import type { RequestClock } from "@/lib/read-context";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { BASIS_DAYS, type ModelUsage, type SwapCostBasis } from "@/lib/swap-cost";
import { llmCallsBetween } from "./open-llm-window";

/**
 * What the swap form projects a new model's cost from (lib/swap-cost.ts): every agent's LLM calls of the last
 * BASIS_DAYS full days in the clock's zone (ending at the start of today), tokens and cost per canonical model, the
 * whole desk's cost of those days, and the agent config's limits. Whole days only, so it is read from the
 * aggregates' whole hours. Null while those days are still being counted (a file just adopted).
 */
export function getSwapCostBasis(clock: RequestClock): SwapCostBasis | null {
  const { config } = database(clock);
  const today = calendarDate(clock.now, clock.zone);
  const first = addDays(today, -BASIS_DAYS);
  let groups: LlmGroup[];
  try {
    groups = llmCallsBetween(clock, startOfDay(first, clock.zone), startOfDay(today, clock.zone)).groups();
  } catch (error) {
    if (error instanceof CountingInProgress) return null;
    throw error;
  }

  const byAgent = new Map<string, Map<string, ModelUsage>>();
  let deskCost = 0;
  for (const group of groups) {
    deskCost += group.cost;
    const model = canonicalModel(group.model);
    const models = byAgent.get(group.agentName) ?? byAgent.set(group.agentName, new Map()).get(group.agentName)!;
    const usage =
      models.get(model) ?? models.set(model, { provider: group.provider, model, tokens: 0, cost: 0 }).get(model)!;
    usage.tokens += group.tokens;
    usage.cost += group.cost;
  }
  const limits = loadAgentConfig(config.agentConfigPath);
  return {
    first,
    last: addDays(today, -1),
    agents: Object.fromEntries(
      [...byAgent].map(([agent, models]) => [agent, [...models.values()].sort((a, b) => b.cost - a.cost)]),
    ),
    deskCost,
    costLimitDaily: limits.costLimitDaily,
    costLimitWeekly: limits.costLimitWeekly,
  };
}
