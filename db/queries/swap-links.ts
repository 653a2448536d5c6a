import "server-only";
import { database, type ReadSource } from "@/db";
import { agentDeskSwapAudit, type SwapAudit } from "@/db/schema";
import type { Said } from "@/lib/say";
import { getSwapLog } from "./swap-log";

export type Swap = ReturnType<typeof getSwapLog>[number];

/**
 * How the swaps (newest first, as getSwapLog gives them) follow one another: each agent's next swap, which swap
 * undoes which, and Agent Desk's audit entries. A rollback Agent Desk recorded names the swap it undoes; any other
 * swap that puts back exactly the models the agent's previous swap replaced (old and new swapped) undoes it too.
 */
export function linkSwaps(source: ReadSource, newestFirst: Swap[]) {
  const audit = new Map<number, SwapAudit>(
    database(source)
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

  /**
   * Why `swap` cannot be rolled back (said by key, in the reader's words: lib/say.ts), or null when it can: only an
   * agent's latest swap, once, never a rollback.
   */
  const whyNotRollBack = (swap: Swap): Said | null => {
    if (rolledBack.has(swap.id)) return { key: "rollback.alreadyRolledBack", values: { id: swap.id } };
    if (laterSwap.has(swap.id))
      return {
        key: "rollback.notLatest",
        values: { id: swap.id, agent: swap.agentName, latest: latest.get(swap.agentName)!.id },
      };
    if (rollbackOf.has(swap.id))
      return { key: "rollback.isRollback", values: { id: swap.id, of: rollbackOf.get(swap.id)! } };
    return null;
  };
  return { rollbackOf, laterSwap, rolledBack, audit, whyNotRollBack };
}
