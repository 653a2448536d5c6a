import "server-only";
import { getEvolution } from "@/db/queries/evolution";
import { getSwapLog } from "@/db/queries/swap-log";
import { linkSwaps } from "@/db/queries/swap-links";
import type { Observation } from "@/lib/alerts/rules";
import type { RequestClock } from "@/lib/read-context";

const DAY_MS = 86_400_000;
const CHANGES_DAYS = 7;

/**
 * Breached swaps, one firing observation each. A swap rolled back after its window breached is listed not firing,
 * saying who rolled it back: `automatic` when Agent Desk's AUTO_ROLLBACK recorded the rollback (its audit entry,
 * triggered_by 'automatic'), `manual` for an operator's or the trading system's own.
 */
export function measureSwapBreached(clock: RequestClock, autoRollback: boolean): Observation[] {
  const swaps = getEvolution(clock);
  const undoneBy = new Map(swaps.filter((s) => s.rollbackOf !== null).map((s) => [s.rollbackOf!, s]));
  return swaps.flatMap((swap): Observation[] => {
    const rollback = undoneBy.get(swap.id);
    const breached = swap.status === "breached";
    if (!breached && !(swap.status === "rolled_back" && swap.verdict.outcome === "breached")) return [];
    return [
      {
        instance: String(swap.id),
        firing: breached,
        value: swap.realizedImprovement,
        threshold: swap.rollbackThreshold ?? -0.1,
        facts: {
          agent: swap.agentName,
          fromModel: swap.oldModel,
          toModel: swap.newModel,
          autoRollback,
          rolledBackBy: rollback
            ? rollback.recordedBy !== null && rollback.triggeredBy === "automatic"
              ? "automatic"
              : "manual"
            : null,
          rollbackId: rollback?.id ?? null,
          path: `/evolution/${swap.id}`,
        },
      },
    ];
  });
}

/**
 * Every swap and rollback recorded in the last 7 days (by the trading system, an operator or AUTO_ROLLBACK), one
 * firing observation each: an event, sent once by the evaluator and never resolved.
 */
export function measureSwapChanges(clock: RequestClock): Observation[] {
  const log = getSwapLog(clock);
  const { audit, rollbackOf } = linkSwaps(clock, log);
  return log
    .filter((swap) => swap.atMs !== null && swap.atMs >= clock.now - CHANGES_DAYS * DAY_MS)
    .map((swap) => ({
      instance: String(swap.id),
      firing: true,
      value: null,
      threshold: null,
      facts: {
        agent: swap.agentName,
        fromProvider: swap.oldProvider,
        fromModel: swap.oldModel,
        toProvider: swap.newProvider,
        toModel: swap.newModel,
        trigger: swap.triggeredBy,
        actor: audit.get(swap.id)?.actor ?? null,
        rollbackOf: rollbackOf.get(swap.id) ?? null,
        reason: swap.reason,
        at: swap.atMs,
        path: `/evolution/${swap.id}`,
      },
    }));
}
