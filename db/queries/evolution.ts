import "server-only";
import { database } from "@/db";
import { agentDeskSwapAudit } from "@/db/schema";
import { loadAgentConfig } from "@/lib/agent-config";
import { judgeSwap } from "@/lib/swap-status";
import { getSwapLog } from "./swap-log";
import { measureWindow } from "./swap-window";

const DAY_MS = 86_400_000;
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
      const start = swap.atMs ?? now;
      const end = start + days * DAY_MS;
      const beforeWindow = measureWindow(swap.agentName, start - days * DAY_MS, start);
      const afterWindow = measureWindow(swap.agentName, start, Math.min(end, now));
      const judged = judgeSwap({
        windowEnded: swap.atMs === null || now >= end,
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
          window_start: swap.atMs === null ? null : new Date(start).toISOString(),
          window_end: swap.atMs === null ? null : new Date(end).toISOString(),
          progress: swap.atMs === null ? null : Math.max(0, Math.min(1, (now - start) / (end - start))),
          basis: judged.basis,
          before: beforeWindow,
          after: afterWindow,
        },
      };
    });
}
