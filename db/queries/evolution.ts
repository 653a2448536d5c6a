import "server-only";
import { database } from "@/db";
import { loadAgentConfig } from "@/lib/agent-config";
import { judgeSwap, validationWindows } from "@/lib/swap-status";
import { getSwapLog } from "./swap-log";
import { linkSwaps } from "./swap-links";
import { measureWindow } from "./swap-window";

export type EvolutionFilters = { agent?: string; trigger?: string; status?: string; days?: number };

/**
 * `get_model_evolution_history(agent)`, newest first, each swap judged (lib/swap-status.ts says how); the page's
 * filters narrow it by trigger, status, and swaps of the last `days` days.
 */
export function getEvolution({ agent, trigger, status, days: sinceDays }: EvolutionFilters = {}, now = Date.now()) {
  const { config } = database();
  const minRequests = loadAgentConfig(config.agentConfigPath).minRequestsForEvaluation;
  const all = getSwapLog();
  const { rollbackOf, laterSwap, rolledBack, audit, whyNotRollBack } = linkSwaps(all);

  const since = sinceDays === undefined ? null : now - sinceDays * 86_400_000;
  return all
    .filter((swap) => (agent === undefined || swap.agentName === agent) && (trigger === undefined || swap.triggeredBy === trigger))
    .filter((swap) => since === null || (swap.atMs !== null && swap.atMs >= since))
    .map((swap) => {
      const days = swap.validationPeriodDays ?? 7;
      const recorded = audit.get(swap.id);
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
        /** Only an agent's latest swap, not yet undone and not itself a rollback, can be rolled back. */
        can_roll_back: whyNotRollBack(swap) === null,
        /** Agent Desk's audit entry for swaps recorded through it: who, when (UTC), and what happened to the config. */
        recorded_by: recorded ? { actor: recorded.actor, acted_at: recorded.actedAt, config_written: recorded.configWritten === 1, config_note: recorded.configNote } : null,
        validation: {
          window_start: windows ? new Date(windows.after[0]).toISOString() : null,
          window_end: windows ? new Date(windows.end).toISOString() : null,
          progress: windows?.progress ?? null,
          basis: judged.basis,
          before: beforeWindow,
          after: afterWindow,
        },
      };
    })
    .filter((swap) => status === undefined || swap.status === status);
}
