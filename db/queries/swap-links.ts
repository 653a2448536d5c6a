import "server-only";
import { database } from "@/db";
import { agentDeskSwapAudit } from "@/db/schema";
import { getSwapLog } from "./swap-log";

export type Swap = ReturnType<typeof getSwapLog>[number];

/**
 * How the swaps (newest first, as getSwapLog gives them) follow one another: each agent's next swap, and which swap
 * undoes which. A rollback Agent Desk recorded names the swap it undoes; any other swap that puts back exactly the
 * models the agent's previous swap replaced (old and new swapped) counts as undoing it too.
 */
export function linkSwaps(newestFirst: Swap[]) {
  const { db } = database();
  const recorded = new Map(
    db.select({ id: agentDeskSwapAudit.evolutionId, of: agentDeskSwapAudit.rollbackOf }).from(agentDeskSwapAudit).all().filter((a) => a.of !== null).map((a) => [a.id, a.of!]),
  );
  const rollbackOf = new Map<number, number>(); // rollback swap id → the swap it undoes
  const laterSwap = new Map<number, Swap>(); // swap id → the agent's next swap
  const latest = new Map<string, Swap>(); // agent → its newest swap
  for (const swap of newestFirst) {
    const next = latest.get(swap.agentName);
    latest.set(swap.agentName, swap);
    if (!next) continue;
    laterSwap.set(swap.id, next);
    const reverses = next.newProvider === swap.oldProvider && next.newModel === swap.oldModel && next.oldProvider === swap.newProvider && next.oldModel === swap.newModel;
    if (recorded.get(next.id) === swap.id || (!recorded.has(next.id) && reverses)) rollbackOf.set(next.id, swap.id);
  }
  return { rollbackOf, laterSwap, rolledBack: new Set(rollbackOf.values()) };
}
