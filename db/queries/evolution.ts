import "server-only";
import { database } from "@/db";
import { agentDeskSwapAudit } from "@/db/schema";
import { loadAgentConfig } from "@/lib/agent-config";
import { judgeSwap, validationWindows } from "@/lib/swap-status";
import { getSwapLog } from "./swap-log";
import { measureWindow } from "./swap-window";

type Swap = ReturnType<typeof getSwapLog>[number];

/** `get_model_evolution_history(agent)`, newest first, each swap judged (lib/swap-status.ts says how). */
export function getEvolution({ agent }: { agent?: string } = {}, now = Date.now()) {
  const { db, config } = database();
  const minRequests = loadAgentConfig(config.agentConfigPath).minRequestsForEvaluation;
  const all = getSwapLog();
  const recordedRollbacks = new Map(
    db.select({ id: agentDeskSwapAudit.evolutionId, of: agentDeskSwapAudit.rollbackOf }).from(agentDeskSwapAudit).all().filter((a) => a.of !== null).map((a) => [a.id, a.of!]),
  );
  const rollbackOf = new Map<number, number>(); // rollback swap id → the swap it undoes
  const laterSwap = new Map<number, Swap>(); // swap id → the agent's next swap
  const chronological = [...all].reverse();
  for (const [i, swap] of chronological.entries()) {
    const next = chronological.slice(i + 1).find((s) => s.agentName === swap.agentName);
    if (!next) continue;
    laterSwap.set(swap.id, next);
    const reverses = next.newProvider === swap.oldProvider && next.newModel === swap.oldModel && next.oldProvider === swap.newProvider && next.oldModel === swap.newModel;
    if (recordedRollbacks.get(next.id) === swap.id || (!recordedRollbacks.has(next.id) && reverses)) rollbackOf.set(next.id, swap.id);
  }
  const rolledBack = new Set(rollbackOf.values());

  return all
    .filter((swap) => agent === undefined || swap.agentName === agent)
    .map((swap) => {
      const days = swap.validationPeriodDays ?? 7;
      const windows = swap.atMs === null ? null : validationWindows(swap.atMs, days, now, config.dataTimeZone);
      const noWindow: [number, number] = [now, now];
      const beforeWindow = measureWindow(swap.agentName, ...(windows?.before ?? noWindow));
      const afterWindow = measureWindow(swap.agentName, ...(windows?.after ?? noWindow));
      const judged = judgeSwap({
        windowEnded: windows?.ended ?? true,
        rolledBack: rolledBack.has(swap.id),
        superseded: laterSwap.has(swap.id),
        before: beforeWindow,
        after: afterWindow,
        rollbackThreshold: swap.rollbackThreshold ?? -0.1,
        minRequests,
      });
      return {
        id: swap.id,
        timestamp: swap.timestamp,
        agent_name: swap.agentName,
        old_provider: swap.oldProvider,
        old_model: swap.oldModel,
        new_provider: swap.newProvider,
        new_model: swap.newModel,
        reason: swap.reason,
        performance_improvement: swap.performanceImprovement,
        triggered_by: swap.triggeredBy,
        validation_period_days: swap.validationPeriodDays,
        rollback_threshold: swap.rollbackThreshold,
        created_at: swap.createdAt,
        status: judged.status,
        realized_improvement: judged.realizedImprovement,
        rollback_of: rollbackOf.get(swap.id) ?? null,
        validation: {
          window_start: windows ? new Date(windows.after[0]).toISOString() : null,
          window_end: windows ? new Date(windows.end).toISOString() : null,
          progress: windows?.progress ?? null,
          basis: judged.basis,
          before: beforeWindow,
          after: afterWindow,
        },
      };
    });
}
