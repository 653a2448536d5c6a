import "server-only";
import { database } from "@/db";
import { modelEvolutionHistory } from "@/db/schema";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { parseEventTime } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";

/**
 * The model each agent runs now: the config's baseline, then every swap in the order it happened (by instant,
 * then id), by agent. Names are kept as written, not canonicalised. Agents seen only in the swap log are included.
 */
export function getAgentMapping(clock: RequestClock) {
  const { db, config } = database(clock);
  const agents: Record<string, { provider: string; model: string }> = {};
  for (const [name, settings] of Object.entries(loadAgentConfig(config.agentConfigPath).agents)) {
    agents[name] = { provider: settings.provider, model: settings.model };
  }
  const swaps = db
    .select()
    .from(modelEvolutionHistory)
    .all()
    .map((swap) => ({ swap, at: parseEventTime(swap.timestamp, clock.zone) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.swap.id - b.swap.id);
  for (const { swap } of swaps) agents[swap.agentName] = { provider: swap.newProvider, model: swap.newModel };
  return agents;
}

export type AgentMapping = ReturnType<typeof getAgentMapping>;
