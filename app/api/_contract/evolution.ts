import type { JudgedSwap } from "@/db/queries/evolution";
import type { WindowMeasure } from "@/lib/swap-status";

/**
 * /api/evolution: `get_model_evolution_history(agent)` in the trading system's column names, each swap with Agent
 * Desk's judgement after them. The validation windows' measures keep their own (camelCase) keys, as they always had.
 */
export function evolutionJson(swaps: JudgedSwap[]) {
  return swaps.map((swap) => ({
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
    status: swap.status,
    realized_improvement: swap.realizedImprovement,
    realized_interval: swap.realizedInterval,
    observations: { before: swap.observations.before, after: swap.observations.after },
    rollback_of: swap.rollbackOf,
    can_roll_back: swap.canRollBack,
    recorded_by: swap.recordedBy
      ? {
          actor: swap.recordedBy.actor,
          acted_at: swap.recordedBy.actedAt,
          config_written: swap.recordedBy.configWritten,
          config_note: swap.recordedBy.configNote,
        }
      : null,
    validation: {
      window_start: swap.validation.windowStart,
      window_end: swap.validation.windowEnd,
      progress: swap.validation.progress,
      started_by: swap.validation.startedBy,
      basis: swap.validation.basis,
      observed: swap.observations.of,
      before: measures(swap.validation.before),
      after: measures(swap.validation.after),
    },
  }));
}

/** A window's figures as the API has always given them (the verdict's samples stay inside). */
function measures({ trades, pnlScore, calls, successRate, costUsd }: WindowMeasure) {
  return { trades, pnlScore, calls, successRate, costUsd };
}
