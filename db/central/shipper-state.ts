import type pg from "pg";
import { OTLP_ID_BASE } from "@/lib/fleet/batch";

// What a shipper asks the central desk when it starts: where its system's rows stand here. The central store is
// the one record of what arrived, so a shipper keeps no state of its own that could disagree with it after a crash.

export type ShipperState = {
  /** The last batch number applied; the shipper numbers its next batches above it. */
  lastSeq: number;
  /** The newest LLM call id shipped from the system's file (not from OTLP): the shipper sends the calls above it. */
  callWatermark: number;
  /** The source ids stored of each small table: rows the file no longer has are deleted here. */
  known: Record<"trades" | "agent_performance" | "system_metrics" | "model_evolution_history", string[]>;
};

export async function shipperState(pool: pg.Pool, system: string): Promise<ShipperState> {
  const { rows } = await pool.query<{ last_seq: number | null; watermark: number | null }>(
    `SELECT (SELECT last_seq FROM fleet_systems WHERE system = $1) AS last_seq,
            (SELECT max(id) FROM fleet_llm_calls WHERE system = $1 AND id < $2) AS watermark`,
    [system, OTLP_ID_BASE],
  );
  const ids = async (sql: string) => (await pool.query<{ id: string }>(sql, [system])).rows.map((r) => r.id);
  return {
    lastSeq: Number(rows[0]?.last_seq ?? 0),
    callWatermark: Number(rows[0]?.watermark ?? 0),
    known: {
      trades: await ids("SELECT source_id AS id FROM fleet_trades WHERE system = $1"),
      agent_performance: await ids("SELECT id::text AS id FROM fleet_agent_performance WHERE system = $1"),
      system_metrics: await ids("SELECT id::text AS id FROM fleet_system_metrics WHERE system = $1"),
      model_evolution_history: await ids("SELECT id::text AS id FROM fleet_model_swaps WHERE system = $1"),
    },
  };
}
