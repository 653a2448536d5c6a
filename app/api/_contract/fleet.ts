import type { FleetSystem } from "@/db/central/fleet-overview";

/** /api/fleet: each system's figures over the period, as the fleet page shows them. */
export function fleetJson(systems: FleetSystem[], days: number) {
  return {
    days,
    systems: systems.map((s) => ({
      system: s.system,
      llm: { calls: s.llm.calls, successful_calls: s.llm.successes, tokens: s.llm.tokens, cost_usd: s.llm.cost },
      trading: {
        trades: s.trading.trades,
        trades_with_pnl: s.trading.withPnl,
        pnl_7_days: s.trading.pnl,
        wins: s.trading.wins,
        losses: s.trading.losses,
      },
      spend: {
        today_usd: s.spend.today,
        last_7_days_usd: s.spend.week,
        cost_limit_daily: s.spend.dailyLimit,
        cost_limit_weekly: s.spend.weeklyLimit,
        cost_alert_threshold: s.spend.alertAt,
      },
      agents_to_review: s.toReview.map((a) => ({
        agent_name: a.agentName,
        efficiency_score: a.efficiencyScore,
        trades_involved: a.tradesInvolved,
      })),
      last_llm_call_at: s.lastCallAt,
      shipper: {
        last_batch_at: s.shipper.lastBatchAt?.toISOString() ?? null,
        calls_behind: s.shipper.callsBehind,
        skipped_rows: s.shipper.skippedRows,
      },
      pending_central_swaps: s.pendingSwaps,
    })),
  };
}
