import "server-only";
import { getEvolution } from "@/db/queries/evolution";
import { clockNow } from "@/db/queries/request-clock";
import { rollbackSwap, type SwapOutcome } from "./model-swaps";

export const AUTO_ROLLBACK_ACTOR = "Agent Desk (AUTO_ROLLBACK)";

/**
 * AUTO_ROLLBACK=on: every breached swap that can still be rolled back (its agent's latest, not undone) is rolled
 * back by Agent Desk itself, with triggered_by 'automatic'. A rolled-back swap is never breached again, and the
 * audit table's UNIQUE rollback_of stops a second rollback even from a second server, so each happens once.
 */
export function rollBackBreachedSwaps(): SwapOutcome[] {
  return getEvolution(clockNow())
    .filter((swap) => swap.status === "breached" && swap.canRollBack)
    .map((swap) => rollbackSwap(swap.id, { name: AUTO_ROLLBACK_ACTOR, trigger: "automatic" }));
}
