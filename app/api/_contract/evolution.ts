import type { JudgedSwap } from "@/db/queries/evolution";

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
      basis: swap.validation.basis,
      before: swap.validation.before,
      after: swap.validation.after,
    },
  }));
}
