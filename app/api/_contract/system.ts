import type { SystemMetric } from "@/db/schema";
import type { Health } from "@/db/queries/health";

/** /api/system/metrics: `get_system_metrics(days)` of the trading system's Python code, the rows as it reads them. */
export function systemMetricsJson(rows: SystemMetric[]) {
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    total_trades: row.totalTrades,
    win_rate: row.winRate,
    total_pnl: row.totalPnl,
    total_cost_usd: row.totalCostUsd,
    avg_decision_time_seconds: row.avgDecisionTimeSeconds,
    agent_efficiency_score: row.agentEfficiencyScore,
    model_diversity_index: row.modelDiversityIndex,
    auto_improvements: row.autoImprovements,
    human_interventions: row.humanInterventions,
    created_at: row.createdAt,
  }));
}

/** /api/health while the file reads: for monitors, and the background count for `npm run loadtest -- --adopt`. */
export function healthJson(health: Health) {
  const count = health.counting;
  return {
    status: "ok",
    schema_version: health.schemaVersion,
    counting: count && {
      state: count.state,
      llm_calls_waiting: count.llmCallsWaiting,
      adopted_back_to: count.adoptedBackTo,
      corrections_waiting: count.correctionsWaiting,
      trade_changes_waiting: count.tradeChangesWaiting,
      behind_seconds: count.behindSeconds,
    },
    alerts: health.alerts && {
      checked_at: health.alerts.checkedAt === null ? null : new Date(health.alerts.checkedAt).toISOString(),
      round_ms: health.alerts.roundMs,
      slowest_rule_ms: health.alerts.slowestRuleMs,
      firing: health.alerts.firing,
      offline: health.alerts.offline,
    },
    database: {
      journal_mode: health.database.journalMode,
      size_bytes: health.database.sizeBytes,
      last_event_at: health.database.lastEventAt,
    },
  };
}
