import type pg from "pg";

// Swaps and rollbacks recorded on the central desk for one system, which that system's shipper applies to the
// trading file and its YAML and then acknowledges (the central desk never reaches into a trading host).

export type SwapRequest = {
  requestId: string;
  kind: "swap" | "rollback";
  agentName: string;
  newProvider: string | null;
  newModel: string | null;
  reason: string | null;
  performanceImprovement: number | null;
  validationPeriodDays: number | null;
  rollbackThreshold: number | null;
  rollbackOf: number | null;
  requestedBy: string;
  requestedAt: string;
};

export type SwapRequestInput = Omit<SwapRequest, "requestedAt">;

export async function recordSwapRequest(pool: pg.Pool, system: string, input: SwapRequestInput): Promise<void> {
  await pool.query(
    `INSERT INTO fleet_swap_requests (system, request_id, kind, agent_name, new_provider, new_model, reason,
       performance_improvement, validation_period_days, rollback_threshold, rollback_of, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (system, request_id) DO NOTHING`,
    [
      system,
      input.requestId,
      input.kind,
      input.agentName,
      input.newProvider,
      input.newModel,
      input.reason,
      input.performanceImprovement,
      input.validationPeriodDays,
      input.rollbackThreshold,
      input.rollbackOf,
      input.requestedBy,
    ],
  );
}

/** The requests not yet acknowledged, oldest first: the order the operator recorded them in. */
export async function pendingSwapRequests(pool: pg.Pool, system: string): Promise<SwapRequest[]> {
  const { rows } = await pool.query(
    `SELECT request_id AS "requestId", kind, agent_name AS "agentName", new_provider AS "newProvider",
       new_model AS "newModel", reason, performance_improvement AS "performanceImprovement",
       validation_period_days AS "validationPeriodDays", rollback_threshold AS "rollbackThreshold",
       rollback_of AS "rollbackOf", requested_by AS "requestedBy", to_char(requested_at AT TIME ZONE 'UTC',
       'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "requestedAt"
     FROM fleet_swap_requests WHERE system = $1 AND applied_at IS NULL ORDER BY requested_at, request_id LIMIT 100`,
    [system],
  );
  return rows;
}

/**
 * Notes what the shipper did with a request: applied (the local history row's id) or refused (the local desk's
 * reason: the agent is gone, the model already runs). Only the first acknowledgement counts.
 */
export async function acknowledgeSwapRequest(
  pool: pg.Pool,
  system: string,
  ack: { requestId: string; outcome: string; historyId: number | null },
): Promise<boolean> {
  const result = await pool.query(
    `UPDATE fleet_swap_requests SET applied_at = now(), outcome = $3, history_id = $4
     WHERE system = $1 AND request_id = $2 AND applied_at IS NULL`,
    [system, ack.requestId, ack.outcome, ack.historyId],
  );
  return (result.rowCount ?? 0) > 0;
}

export type SwapRequestStatus = SwapRequest & { appliedAt: string | null; outcome: string | null };

/** A system's newest central requests, waiting or applied, for its page on the central desk. */
export async function recentSwapRequests(pool: pg.Pool, system: string, limit = 20): Promise<SwapRequestStatus[]> {
  const { rows } = await pool.query(
    `SELECT request_id AS "requestId", kind, agent_name AS "agentName", new_provider AS "newProvider",
       new_model AS "newModel", reason, performance_improvement AS "performanceImprovement",
       validation_period_days AS "validationPeriodDays", rollback_threshold AS "rollbackThreshold",
       rollback_of AS "rollbackOf", requested_by AS "requestedBy",
       to_char(requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "requestedAt",
       to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "appliedAt", outcome
     FROM fleet_swap_requests WHERE system = $1 ORDER BY requested_at DESC, request_id LIMIT $2`,
    [system, limit],
  );
  return rows;
}

/** The agents a system has run: those its calls and its swaps name. */
export async function systemAgents(pool: pg.Pool, system: string): Promise<string[]> {
  const { rows } = await pool.query<{ agent_name: string }>(
    `SELECT agent_name FROM fleet_llm_hourly WHERE system = $1
     UNION SELECT agent_name FROM fleet_model_swaps WHERE system = $1 ORDER BY 1`,
    [system],
  );
  return rows.map((r) => r.agent_name);
}
