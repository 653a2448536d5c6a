import "server-only";
import { database } from "@/db";
import { agentDeskSwapAudit, type SwapAudit } from "@/db/schema";
import { getSwapLog } from "./swap-log";

export type Swap = ReturnType<typeof getSwapLog>[number];

/**
 * How the swaps (newest first, as getSwapLog gives them) follow one another: each agent's next swap, which swap
 * undoes which, and Agent Desk's audit entries. A rollback Agent Desk recorded names the swap it undoes; any other
 * swap that puts back exactly the models the agent's previous swap replaced (old and new swapped) undoes it too.
 */
export function linkSwaps(newestFirst: Swap[]) {
  const audit = new Map<number, SwapAudit>(
    database()
      .db.select()
      .from(agentDeskSwapAudit)
      .all()
      .map((a) => [a.evolutionId, a]),
  );
  const rollbackOf = new Map<number, number>(); // rollback swap id → the swap it undoes
  const laterSwap = new Map<number, Swap>(); // swap id → the agent's next swap
  const latest = new Map<string, Swap>(); // agent → its newest swap
  for (const swap of newestFirst) {
    const next = latest.get(swap.agentName);
    latest.set(swap.agentName, swap);
    if (!next) continue;
    laterSwap.set(swap.id, next);
    const reverses =
      next.newProvider === swap.oldProvider &&
      next.newModel === swap.oldModel &&
      next.oldProvider === swap.newProvider &&
      next.oldModel === swap.newModel;
    const recorded = audit.get(next.id)?.rollbackOf ?? null;
    if (recorded === swap.id || (recorded === null && reverses)) rollbackOf.set(next.id, swap.id);
  }
  const rolledBack = new Set(rollbackOf.values());

  /** Why `swap` cannot be rolled back, or null when it can: only an agent's latest swap, once, never a rollback. */
  const whyNotRollBack = (swap: Swap): string | null => {
    if (rolledBack.has(swap.id)) return `Swap #${swap.id} is already rolled back`;
    const next = laterSwap.get(swap.id);
    if (next)
      return `Swap #${swap.id} is not ${swap.agentName}'s latest swap (#${latest.get(swap.agentName)!.id} is): record a new swap instead`;
    if (rollbackOf.has(swap.id))
      return `Swap #${swap.id} is itself a rollback (of #${rollbackOf.get(swap.id)}): record a new swap instead`;
    return null;
  };
  return { rollbackOf, laterSwap, rolledBack, audit, whyNotRollBack };
}
