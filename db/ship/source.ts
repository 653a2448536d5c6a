import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { ROW_SCHEMAS, type SourceRow, type SourceTable } from "@/lib/fleet/batch";

// What the shipper reads from the trading system's file, as batch rows (lib/fleet/batch.ts). Every read is one
// short statement (SQLite runs each in its own read transaction) of at most a few thousand rows, on a read-only
// connection: a WAL reader never blocks the trading system's writer, and it never checkpoints.

/** Rows of one table as the wire wants them, and the ones the file holds that no batch could carry. */
export type Read<T extends SourceTable> = { rows: SourceRow<T>[]; skipped: { sourceId: string; problem: string }[] };

// SQLite keeps what it is given: a REAL column can hold text. Such a row is reported and left behind.
function check<T extends SourceTable>(table: T, raw: Record<string, unknown>, out: Read<T>, sourceId: string) {
  const parsed = ROW_SCHEMAS[table].safeParse(raw);
  if (parsed.success) out.rows.push(parsed.data as SourceRow<T>);
  else
    out.skipped.push({
      sourceId,
      problem: `${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`,
    });
}

const asBoolean = (value: unknown) => (value === 1 || value === 0 ? value === 1 : value);

/** The LLM calls above `afterId`, oldest first, at most `limit`. */
export function readCallsAfter(
  db: Database.Database,
  afterId: number,
  limit: number,
): Read<"llm_usage_log"> & { lastId: number } {
  const raw = db
    .prepare(
      `SELECT id, timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type,
         success, error_message, created_at FROM llm_usage_log WHERE id > ? ORDER BY id LIMIT ?`,
    )
    .all(afterId, limit) as Record<string, unknown>[];
  const out: Read<"llm_usage_log"> & { lastId: number } = { rows: [], skipped: [], lastId: afterId };
  for (const row of raw) {
    check("llm_usage_log", { ...row, success: asBoolean(row.success) }, out, String(row.id));
    out.lastId = row.id as number;
  }
  return out;
}

/** The newest call's id and time: how far behind the central desk is. */
export function newestCall(db: Database.Database): { id: number; timestamp: string | null } {
  const row = db.prepare("SELECT id, timestamp FROM llm_usage_log ORDER BY id DESC LIMIT 1").get() as
    { id: number; timestamp: unknown } | undefined;
  return { id: row?.id ?? 0, timestamp: typeof row?.timestamp === "string" ? row.timestamp : null };
}

type SmallTable = Exclude<SourceTable, "llm_usage_log">;
const COLUMNS: Record<SmallTable, string> = {
  trades: `trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before,
    pnl_7_days, pnl_30_days, agent_contributions, decision_confidence, analysis_metadata, created_at`,
  agent_performance: `id, agent_name, period_start, period_end, total_decisions, successful_decisions,
    avg_contribution_score, performance_rating, wins, losses, total_pnl_attributed, confidence_accuracy, created_at`,
  system_metrics: `id, date, total_trades, win_rate, total_pnl, total_cost_usd, avg_decision_time_seconds,
    agent_efficiency_score, model_diversity_index, auto_improvements, human_interventions, created_at`,
  model_evolution_history: `id, timestamp, agent_name, old_provider, old_model, new_provider, new_model, reason,
    performance_improvement, triggered_by, validation_period_days, rollback_threshold, created_at`,
};

export const SMALL_TABLES = Object.keys(COLUMNS) as SmallTable[];

/** A row's source id as the central store keys it: trade_id for trades (`rowid:N` when NULL), else the id. */
export function sourceIdOf(table: SmallTable, row: { rowid?: number; trade_id?: unknown; id?: unknown }): string {
  if (table === "trades") return typeof row.trade_id === "string" ? row.trade_id : `rowid:${row.rowid}`;
  return String(row.id);
}

/** Rowids per block of a small table's summary. */
export const BLOCK_ROWS = 1000;

// Per block of rowids, a summary SQLite computes without handing a row to JavaScript: the rows, their rowids, and
// each column's byte length and numeric sum. A PnL filled in, a contribution corrected, a row added, deleted or
// renumbered all change it; the rare edit that keeps every length and sum is caught by the periodic full sweep.
const summaries = new Map<SmallTable, string>();
function summarySql(table: SmallTable): string {
  let sql = summaries.get(table);
  if (!sql) {
    const columns = COLUMNS[table].split(",").map((c) => c.trim());
    const parts = columns.flatMap((c) => [`total(length(CAST(${c} AS BLOB)))`, `total(CAST(${c} AS REAL))`]);
    sql = `SELECT rowid / ${BLOCK_ROWS} AS block, count(*) || ':' || total(rowid) || ':' || ${parts.join(" || ':' || ")} AS summary
      FROM ${table} GROUP BY block`;
    summaries.set(table, sql);
  }
  return sql;
}

/** Each block's summary: one statement, one short read. */
export function blockSummaries(db: Database.Database, table: SmallTable): Map<number, string> {
  const rows = db.prepare(summarySql(table)).all() as { block: number; summary: string }[];
  return new Map(rows.map((r) => [r.block, r.summary]));
}

/**
 * A small table's rows (trades, performance, metrics, swaps), all of them or those of `blocks`, read in chunks of
 * `chunk` by rowid, each its own statement, with each row's fingerprint and block.
 */
export function readSmallTable<T extends SmallTable>(
  db: Database.Database,
  table: T,
  blocks?: number[],
  chunk = 2000,
): Read<T> & { fingerprints: Map<string, string>; blockOf: Map<string, number> } {
  const statement = db.prepare(
    `SELECT rowid AS rowid, ${COLUMNS[table]} FROM ${table} WHERE rowid > ? AND rowid < ? ORDER BY rowid LIMIT ?`,
  );
  const out = { rows: [], skipped: [], fingerprints: new Map(), blockOf: new Map() } as Read<T> & {
    fingerprints: Map<string, string>;
    blockOf: Map<string, number>;
  };
  const spans = blocks
    ? blocks.map((b) => [b * BLOCK_ROWS - 1, (b + 1) * BLOCK_ROWS] as const)
    : [[-Infinity, Infinity] as const];
  for (const [from, to] of spans)
    for (let after = from; ;) {
      const raw = statement.all(after, to, chunk) as (Record<string, unknown> & { rowid: number })[];
      for (const { rowid, ...row } of raw) {
        const sourceId = sourceIdOf(table, { rowid, ...row });
        const wire = table === "trades" ? { source_id: sourceId, ...row } : row;
        const before = out.rows.length;
        check(table, wire, out, sourceId);
        if (out.rows.length > before) out.fingerprints.set(sourceId, fingerprint(out.rows.at(-1)));
        out.blockOf.set(sourceId, Math.floor(rowid / BLOCK_ROWS));
      }
      if (raw.length < chunk) break;
      after = raw.at(-1)!.rowid;
    }
  return out;
}

export function fingerprint(row: unknown): string {
  return createHash("sha1").update(JSON.stringify(row)).digest("base64");
}
