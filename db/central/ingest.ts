import type pg from "pg";
import type { Batch, SourceRow, SourceTable } from "@/lib/fleet/batch";
import { dayKey, hourKey } from "./hour-key";
import { TradeDeltas, type TradeFacts } from "./trade-aggregates";

// Applies one shipper batch to the central store, all of it or nothing, in one transaction:
// - a batch whose sequence number is not above the system's last one writes nothing (a retry, or a replay);
// - rows upsert on (system, source id) and only rows whose values differ are written, so rows sent twice change
//   nothing;
// - fleet_llm_hourly moves with the calls in the same transaction: a replaced or deleted call's old values are taken
//   out of its hour and the new ones added, so the aggregate always equals a count of the rows, without rescans.

type Column = readonly [name: string, type: "bigint" | "text" | "double precision" | "boolean"];

const CALL_COLUMNS: readonly Column[] = [
  ["id", "bigint"],
  ["timestamp", "text"],
  ["agent_name", "text"],
  ["provider", "text"],
  ["model", "text"],
  ["tokens_used", "bigint"],
  ["cost_usd", "double precision"],
  ["response_time_ms", "double precision"],
  ["request_type", "text"],
  ["success", "boolean"],
  ["error_message", "text"],
  ["created_at", "text"],
  ["hour", "text"],
];

const OTHER_TABLES: Record<Exclude<SourceTable, "llm_usage_log">, { table: string; key: Column; columns: Column[] }> = {
  trades: {
    table: "fleet_trades",
    key: ["source_id", "text"],
    columns: [
      ["trade_id", "text"],
      ["timestamp", "text"],
      ["ticker", "text"],
      ["action", "text"],
      ["quantity", "bigint"],
      ["price", "double precision"],
      ["justification_text", "text"],
      ["market_snapshot", "text"],
      ["portfolio_before", "text"],
      ["pnl_7_days", "double precision"],
      ["pnl_30_days", "double precision"],
      ["agent_contributions", "text"],
      ["decision_confidence", "double precision"],
      ["analysis_metadata", "text"],
      ["created_at", "text"],
      ["day", "text"],
    ],
  },
  agent_performance: {
    table: "fleet_agent_performance",
    key: ["id", "bigint"],
    columns: [
      ["agent_name", "text"],
      ["period_start", "text"],
      ["period_end", "text"],
      ["total_decisions", "bigint"],
      ["successful_decisions", "bigint"],
      ["avg_contribution_score", "double precision"],
      ["performance_rating", "double precision"],
      ["wins", "bigint"],
      ["losses", "bigint"],
      ["total_pnl_attributed", "double precision"],
      ["confidence_accuracy", "double precision"],
      ["created_at", "text"],
    ],
  },
  system_metrics: {
    table: "fleet_system_metrics",
    key: ["id", "bigint"],
    columns: [
      ["date", "text"],
      ["total_trades", "bigint"],
      ["win_rate", "double precision"],
      ["total_pnl", "double precision"],
      ["total_cost_usd", "double precision"],
      ["avg_decision_time_seconds", "double precision"],
      ["agent_efficiency_score", "double precision"],
      ["model_diversity_index", "double precision"],
      ["auto_improvements", "bigint"],
      ["human_interventions", "bigint"],
      ["created_at", "text"],
    ],
  },
  model_evolution_history: {
    table: "fleet_model_swaps",
    key: ["id", "bigint"],
    columns: [
      ["timestamp", "text"],
      ["agent_name", "text"],
      ["old_provider", "text"],
      ["old_model", "text"],
      ["new_provider", "text"],
      ["new_model", "text"],
      ["reason", "text"],
      ["performance_improvement", "double precision"],
      ["triggered_by", "text"],
      ["validation_period_days", "bigint"],
      ["rollback_threshold", "double precision"],
      ["created_at", "text"],
    ],
  },
};

export type IngestResult =
  { applied: true; written: number; deleted: number } | { applied: false; reason: "out of sequence"; lastSeq: number };

/**
 * `sequenced: false` (OpenTelemetry exports, which carry no batch number) skips the sequence check: their rows are
 * keyed by span, so an export sent twice still writes each call once.
 */
export async function ingestBatch(
  pool: pg.Pool,
  system: string,
  batch: Batch,
  { sequenced = true }: { sequenced?: boolean } = {},
): Promise<IngestResult> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO fleet_systems (system) VALUES ($1) ON CONFLICT DO NOTHING", [system]);
    // The row lock orders a system's batches, and each applies only as the next number: a batch sent again, a second
    // shipper for the same system, a shipper ahead of a restored store are all refused, and the shipper asks where
    // the store stands and continues from there (never skipping rows the store does not have).
    const { rows } = await client.query<{ last_seq: number }>(
      "SELECT last_seq FROM fleet_systems WHERE system = $1 FOR UPDATE",
      [system],
    );
    const lastSeq = Number(rows[0]!.last_seq);
    if (sequenced && batch.seq !== lastSeq + 1) {
      await client.query("ROLLBACK");
      return { applied: false, reason: "out of sequence", lastSeq };
    }
    // Every row this batch writes, and every tombstone of a row it deletes, carries the system's next version: the
    // replicas follow a system's changes by it (db/replica/replica-sync.ts).
    const { rows: versioned } = await client.query<{ version: number }>(
      "UPDATE fleet_systems SET version = version + 1 WHERE system = $1 RETURNING version",
      [system],
    );
    const at: Stamp = { system, version: versioned[0]!.version };
    let written = 0;
    let deleted = 0;
    const calls = batch.rows.llm_usage_log ?? [];
    const goneCalls = batch.deleted.llm_usage_log ?? [];
    if (calls.length > 0 || goneCalls.length > 0) {
      const moved = await applyCalls(
        client,
        at,
        lastOfEach(calls, (row) => row.id).map((row) => ({ ...row, hour: hourKey(row.timestamp) })),
        goneCalls,
      );
      written += moved.written;
      deleted += moved.deleted;
    }
    const trades = await applyTrades(client, at, batch.rows.trades ?? [], batch.deleted.trades ?? []);
    written += trades.written;
    deleted += trades.deleted;
    for (const name of ["agent_performance", "system_metrics", "model_evolution_history"] as const) {
      const spec = OTHER_TABLES[name];
      const upserts = batch.rows[name] ?? [];
      if (upserts.length > 0) {
        const unique = lastOfEach(upserts as Record<string, unknown>[], (row) => row[spec.key[0]]);
        written += (await upsert(client, at, spec.table, spec.key, spec.columns, unique)).length;
      }
      const gone = batch.deleted[name] ?? [];
      if (gone.length > 0) {
        const result = await client.query<{ key: string }>(
          `DELETE FROM ${spec.table} WHERE system = $1 AND ${spec.key[0]} = ANY($2::${spec.key[1]}[])
           RETURNING ${spec.key[0]}::text AS key`,
          [system, gone],
        );
        await tombstones(
          client,
          at,
          name,
          result.rows.map((row) => row.key),
        );
        deleted += result.rowCount ?? 0;
      }
    }
    await client.query(
      `UPDATE fleet_systems SET last_seq = $2, last_batch_at = now(),
         calls_behind = coalesce($3, calls_behind), source_calls_at = coalesce($4, source_calls_at),
         skipped_rows = coalesce($5, skipped_rows), shipper = coalesce($6, shipper),
         cost_limit_daily = coalesce($7, cost_limit_daily), cost_limit_weekly = coalesce($8, cost_limit_weekly),
         cost_alert_threshold = coalesce($9, cost_alert_threshold), agent_config = coalesce($10, agent_config)
       WHERE system = $1`,
      [
        system,
        sequenced ? batch.seq : lastSeq,
        batch.source?.calls_behind ?? null,
        batch.source?.newest_call_at ?? null,
        batch.source?.skipped_rows ?? null,
        batch.source?.shipper ?? null,
        batch.source?.limits?.cost_limit_daily ?? null,
        batch.source?.limits?.cost_limit_weekly ?? null,
        batch.source?.limits?.cost_alert_threshold ?? null,
        batch.source?.agent_config ?? null,
      ],
    );
    await client.query("COMMIT");
    return { applied: true, written, deleted };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Which batch of which system writes: every row written and every tombstone carries its version. */
type Stamp = { system: string; version: number };

/** Deleted rows leave their key and version behind, so a replica following the versions deletes them too. */
async function tombstones(client: pg.PoolClient, at: Stamp, table: SourceTable, keys: readonly string[]) {
  if (keys.length === 0) return;
  await client.query(
    `INSERT INTO fleet_deleted_rows (system, version, source_table, source_id)
     SELECT $1, $2, $3, unnest($4::text[]) ON CONFLICT DO NOTHING`,
    [at.system, at.version, table, keys],
  );
}

/** A row sent twice in one batch counts once, as its last version (one statement cannot write a row twice). */
function lastOfEach<T>(rows: readonly T[], key: (row: T) => unknown): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}

const recordset = (columns: readonly Column[]) => columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
const list = (columns: readonly Column[], prefix = "") => columns.map(([name]) => `${prefix}"${name}"`).join(", ");

async function upsert(
  client: pg.PoolClient,
  at: Stamp,
  table: string,
  key: Column,
  columns: Column[],
  rows: readonly object[],
): Promise<string[]> {
  const all = [key, ...columns];
  const result = await client.query<{ key: string }>(
    `INSERT INTO ${table} (system, version, ${list(all)})
     SELECT $1, $3, ${list(all)} FROM jsonb_to_recordset($2::jsonb) AS r(${recordset(all)})
     ON CONFLICT (system, "${key[0]}") DO UPDATE SET (${list(columns)}, version) = (${list(columns, "excluded.")}, $3)
     WHERE (${list(columns, `${table}.`)}) IS DISTINCT FROM (${list(columns, "excluded.")})
     RETURNING "${key[0]}"::text AS key`,
    [at.system, JSON.stringify(rows), at.version],
  );
  return result.rows.map((r) => r.key);
}

/**
 * Trades: upserted and deleted like the other small tables, and their day aggregates moved by what changed (the
 * stored version of each written or deleted trade out, the new one in).
 */
async function applyTrades(
  client: pg.PoolClient,
  at: Stamp,
  rows: readonly SourceRow<"trades">[],
  gone: readonly string[],
): Promise<{ written: number; deleted: number }> {
  if (rows.length === 0 && gone.length === 0) return { written: 0, deleted: 0 };
  const { system } = at;
  const spec = OTHER_TABLES.trades;
  const incoming = lastOfEach(rows, (row) => row.source_id).map((row) => ({ ...row, day: dayKey(row.timestamp) }));
  const deltas = new TradeDeltas();
  const stored = await client.query<TradeFacts & { source_id: string }>(
    "SELECT source_id, day, pnl_7_days, agent_contributions FROM fleet_trades WHERE system = $1 AND source_id = ANY($2)",
    [system, [...incoming.map((row) => row.source_id), ...gone]],
  );
  const before = new Map(stored.rows.map((row) => [row.source_id, row]));
  const written = incoming.length > 0 ? await upsert(client, at, spec.table, spec.key, spec.columns, incoming) : [];
  const now = new Map(incoming.map((row) => [row.source_id, row]));
  for (const id of written) {
    if (before.has(id)) deltas.move(before.get(id)!, -1);
    deltas.move(now.get(id)!, 1);
  }
  let deleted = 0;
  if (gone.length > 0) {
    const result = await client.query<TradeFacts & { source_id: string }>(
      "DELETE FROM fleet_trades WHERE system = $1 AND source_id = ANY($2) RETURNING source_id, day, pnl_7_days, agent_contributions",
      [system, gone],
    );
    for (const row of result.rows) deltas.move(row, -1);
    await tombstones(
      client,
      at,
      "trades",
      result.rows.map((row) => row.source_id),
    );
    deleted = result.rowCount ?? 0;
  }
  await deltas.apply(client, system);
  return { written: written.length, deleted };
}

// The calls' aggregates, each moved by a set of calls (a row source aliased `c`) signed by `sign` (1 adds, -1 takes
// out): fleet_llm_hourly by hour × agent × provider × model × request type, and fleet_llm_totals by hour and by day.
const sums = (sign: 1 | -1) =>
  `${sign} * count(*), ${sign} * count(*) FILTER (WHERE c.success), ${sign} * sum(c.tokens_used), ${sign} * sum(c.cost_usd)`;
const added = (table: string, columns: string[]) =>
  columns.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(", ");
const HOURLY_KEYS = "c.hour, c.agent_name, c.provider, c.model, c.request_type";
const AGGREGATES = [
  (
    sign: 1 | -1,
  ) => `INSERT INTO fleet_llm_hourly SELECT $1, ${HOURLY_KEYS}, ${sums(sign)}, ${sign} * sum(c.response_time_ms)
    FROM %SOURCE% GROUP BY ${HOURLY_KEYS}
    ON CONFLICT (system, hour, agent_name, provider, model, request_type) DO UPDATE SET
    ${added("fleet_llm_hourly", ["calls", "successes", "tokens", "cost_usd", "latency_ms_sum"])}`,
  ...["c.hour", "left(c.hour, -3)"].map(
    (key) => (sign: 1 | -1) => `INSERT INTO fleet_llm_totals SELECT $1, ${key}, ${sums(sign)}
    FROM %SOURCE% AND c.hour <> '?' GROUP BY 2
    ON CONFLICT (system, key) DO UPDATE SET ${added("fleet_llm_totals", ["calls", "successes", "tokens", "cost_usd"])}`,
  ),
];

async function moveAggregates(client: pg.PoolClient, sign: 1 | -1, source: string, params: unknown[]) {
  for (const statement of AGGREGATES) await client.query(statement(sign).replace("%SOURCE%", source), params);
}

async function applyCalls(
  client: pg.PoolClient,
  at: Stamp,
  rows: readonly object[],
  gone: readonly number[],
): Promise<{ written: number; deleted: number }> {
  const { system } = at;
  const values = CALL_COLUMNS.filter(([name]) => name !== "id");
  // The calls that are new or differ from what is stored; identical ones (a batch sent again) are dropped here.
  await client.query(
    `CREATE TEMP TABLE incoming_calls ON COMMIT DROP AS
     SELECT r.*, s.id IS NOT NULL AS stored FROM jsonb_to_recordset($2::jsonb) AS r(${recordset(CALL_COLUMNS)})
     LEFT JOIN fleet_llm_calls s ON s.system = $1 AND s.id = r.id
     WHERE s.id IS NULL OR (${list(values, "s.")}) IS DISTINCT FROM (${list(values, "r.")})`,
    [system, JSON.stringify(rows)],
  );
  // Take the stored values of replaced and deleted calls out of their aggregates (each looked up by its key: a batch
  // of new calls, the usual one, reads nothing here)…
  const { rows: counted } = await client.query<{ replaced: number }>(
    "SELECT count(*) FILTER (WHERE stored)::int AS replaced FROM incoming_calls",
  );
  const takeOut = counted[0]!.replaced > 0 || gone.length > 0;
  if (counted[0]!.replaced > 0)
    await moveAggregates(
      client,
      -1,
      "incoming_calls i JOIN fleet_llm_calls c ON c.system = $1 AND c.id = i.id WHERE i.stored",
      [system],
    );
  let removed = 0;
  if (gone.length > 0) {
    await moveAggregates(client, -1, "fleet_llm_calls c WHERE c.system = $1 AND c.id = ANY($2::bigint[])", [
      system,
      gone,
    ]);
    const result = await client.query<{ key: string }>(
      "DELETE FROM fleet_llm_calls WHERE system = $1 AND id = ANY($2::bigint[]) RETURNING id::text AS key",
      [system, gone],
    );
    await tombstones(
      client,
      at,
      "llm_usage_log",
      result.rows.map((row) => row.key),
    );
    removed = result.rowCount!;
  }
  const upserted = await client.query(
    `INSERT INTO fleet_llm_calls (system, version, ${list(CALL_COLUMNS)})
     SELECT $1, $2, ${list(CALL_COLUMNS)} FROM incoming_calls
     ON CONFLICT (system, id) DO UPDATE SET (${list(values)}, version) = (${list(values, "excluded.")}, $2)`,
    [system, at.version],
  );
  // …and the new values into theirs.
  await moveAggregates(client, 1, "incoming_calls c WHERE true", [system]);
  // A key whose calls all went (deleted, or moved to another hour) leaves no row behind.
  if (takeOut)
    for (const table of ["fleet_llm_hourly", "fleet_llm_totals"])
      await client.query(`DELETE FROM ${table} WHERE system = $1 AND calls = 0`, [system]);
  return { written: upserted.rowCount ?? 0, deleted: removed };
}
