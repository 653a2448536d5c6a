import type Database from "better-sqlite3";
import type pg from "pg";
import { ROW_SCHEMAS, type SourceTable } from "@/lib/fleet/batch";

// A system's read replica: a SQLite file with the trading system's own tables, written from the central store in the
// order its batches were applied (each row's `version`, db/central/ingest.ts). It is what the system's file looked
// like when its shipper last sent it, so the local desk's migrations, background count, queries and pages run over it
// unchanged, and a page of one system on the central desk shows the figures the local desk shows over the file.
//
// Rows are written with plain statements as the trading system writes them (see writer()), so the local desk's
// triggers note every change for its count.
//
// A pass reads the system's version V, then deletes the rows tombstoned after the replica's version and writes every
// row whose version is after it and at most V, in keyset pages, each page one short SQLite transaction; then the
// replica's version becomes V. Deleting first is right whatever happened in between: a row deleted and sent again is
// written back (its version is the newer), a row written and then deleted is not in the store any more. A pass cut
// short (a crash, the store unreachable) is read again from the same version: writing a row again changes nothing.

// Rows per page: one page is one SQLite transaction on the server's event loop (about 20 ms for 1,000 calls).
const PAGE_ROWS = 1_000;

/** A trade written without a trade_id ('rowid:N') keeps a rowid of its own above every trade the replica numbers. */
const KEYLESS_TRADE_ROWID = 2 ** 50;

type TableSpec = { store: string; key: string; keyType: "bigint" | "text"; columns: string[] };

const columnsOf = (table: SourceTable) => Object.keys(ROW_SCHEMAS[table].shape).filter((c) => c !== "source_id");

const TABLES: Record<SourceTable, TableSpec> = {
  llm_usage_log: { store: "fleet_llm_calls", key: "id", keyType: "bigint", columns: columnsOf("llm_usage_log") },
  trades: { store: "fleet_trades", key: "source_id", keyType: "text", columns: columnsOf("trades") },
  agent_performance: {
    store: "fleet_agent_performance",
    key: "id",
    keyType: "bigint",
    columns: columnsOf("agent_performance"),
  },
  system_metrics: { store: "fleet_system_metrics", key: "id", keyType: "bigint", columns: columnsOf("system_metrics") },
  model_evolution_history: {
    store: "fleet_model_swaps",
    key: "id",
    keyType: "bigint",
    columns: columnsOf("model_evolution_history"),
  },
};

type StoredRow = Record<string, unknown> & { version: number };

/** The replica's own bookkeeping: which system it copies, and how far. */
export function prepareReplica(sqlite: Database.Database, system: string): void {
  sqlite.exec("CREATE TABLE IF NOT EXISTS fleet_replica_state (system TEXT NOT NULL, version INTEGER NOT NULL)");
  const state = sqlite.prepare("SELECT system FROM fleet_replica_state").get() as { system: string } | undefined;
  if (!state) sqlite.prepare("INSERT INTO fleet_replica_state (system, version) VALUES (?, 0)").run(system);
  else if (state.system !== system) throw new Error(`the replica file of ${system} holds the system ${state.system}`);
}

function replicaVersion(sqlite: Database.Database): number {
  return (sqlite.prepare("SELECT version FROM fleet_replica_state").get() as { version: number }).version;
}

/** The store no longer has what the replica copied (restored from an older backup): the replica must be made anew. */
export class ReplicaAhead extends Error {}

/**
 * Brings the replica up to the system's current version in the central store (see the top of this file), and gives
 * the system's agent config as the store holds it (null: its shipper sent none).
 */
export async function syncReplica(pool: pg.Pool, system: string, sqlite: Database.Database): Promise<string | null> {
  const from = replicaVersion(sqlite);
  const { rows } = await pool.query<{ version: number; agent_config: string | null }>(
    "SELECT version, agent_config FROM fleet_systems WHERE system = $1",
    [system],
  );
  if (rows.length === 0) throw new Error(`the central store has no system ${system}`);
  const to = rows[0]!.version;
  const agentConfig = rows[0]!.agent_config;
  if (to < from) throw new ReplicaAhead(`the replica of ${system} is at version ${from}, the store at ${to}`);
  if (to === from) return agentConfig;

  const gone = await pool.query<{ source_table: SourceTable; source_id: string }>(
    `SELECT source_table, source_id FROM fleet_deleted_rows
     WHERE system = $1 AND version > $2 AND version <= $3`,
    [system, from, to],
  );
  sqlite.transaction(() => {
    for (const { source_table, source_id } of gone.rows) deleteRow(sqlite, source_table, source_id);
  })();

  for (const table of Object.keys(TABLES) as SourceTable[]) {
    const spec = TABLES[table];
    const write = writer(sqlite, table);
    // The first page starts after the replica's version; each next one after the last row read (version, key).
    for (let after: [number, string | number] | null = null; ;) {
      const next: string = after ? `(version, ${spec.key}) > ($4, $5::${spec.keyType})` : "true";
      const page: pg.QueryResult<StoredRow> = await pool.query<StoredRow>(
        `SELECT version, ${spec.key === "id" ? "" : `${spec.key}, `}${spec.columns.map((c) => `"${c}"`).join(", ")}
         FROM ${spec.store}
         WHERE system = $1 AND version > $2 AND version <= $3 AND ${next}
         ORDER BY version, ${spec.key} LIMIT ${PAGE_ROWS}`,
        after ? [system, from, to, ...after] : [system, from, to],
      );
      sqlite.transaction(() => {
        for (const row of page.rows) write(row);
      })();
      if (page.rows.length < PAGE_ROWS) break;
      const last: StoredRow = page.rows.at(-1)!;
      after = [last.version, last[spec.key] as string | number];
    }
  }
  sqlite.prepare("UPDATE fleet_replica_state SET version = ?").run(to);
  return agentConfig;
}

const UNIQUE_KEYS: Partial<Record<SourceTable, string[]>> = {
  agent_performance: ["agent_name", "period_start", "period_end"],
  system_metrics: ["date"],
};

/** One row as the trading system writes it: booleans as 0/1, every other value as the store has it. */
function sqliteValue(value: unknown): unknown {
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

/**
 * Writes one stored row into the replica as the trading system would: an UPDATE of only a row that differs (the local
 * desk's triggers see a corrected row and its aggregates move; a row sent again changes nothing), else an INSERT.
 * Plain statements, not an upsert: inside an upsert SQLite overrides the triggers' own INSERT OR IGNORE.
 */
function writer(sqlite: Database.Database, table: SourceTable): (row: Record<string, unknown>) => void {
  const { columns } = TABLES[table];
  const values = (row: Record<string, unknown>) => columns.map((c) => sqliteValue(row[c]));
  // Trades are found by trade_id, or by their own rowid when they have none; the other tables by id.
  const where = table === "trades" ? "(trade_id = ? OR (trade_id IS NULL AND rowid = ?))" : "id = ?";
  const keyOf = (row: Record<string, unknown>) => {
    if (table !== "trades") return [row.id];
    const keyless = keylessRowid(row.source_id as string);
    return keyless === undefined ? [row.source_id, null] : [null, keyless];
  };
  const exists = sqlite.prepare(`SELECT 1 FROM ${table} WHERE ${where}`).pluck();
  const update = sqlite.prepare(
    `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(", ")}
     WHERE ${where} AND (${columns.map((c) => `"${c}" IS NOT ?`).join(" OR ")})`,
  );
  // A trade keeps the rowid its key gives a keyless one (null: SQLite numbers it); the other tables' id is the rowid.
  const rowid = table === "trades" ? ["rowid"] : [];
  const insert = sqlite.prepare(
    `INSERT INTO ${table} (${[...rowid, ...columns.map((c) => `"${c}"`)].join(", ")})
     VALUES (${[...rowid, ...columns].map(() => "?").join(", ")})`,
  );
  const lateCall = table === "llm_usage_log" ? lateCallNote(sqlite) : undefined;
  const write = (row: Record<string, unknown>) => {
    const key = keyOf(row);
    if (exists.get(...key)) update.run(...values(row), ...key, ...values(row));
    else {
      insert.run(...(table === "trades" ? [key[1]] : []), ...values(row));
      lateCall?.(row.id as number, row.timestamp as string);
    }
  };
  const unique = UNIQUE_KEYS[table];
  if (!unique) return write;
  // The file's other unique keys (a day's metrics, an agent's period) can clash for a moment: one batch moves a key
  // from one row to another, and the rows of a version are written in id order. The row that had the key is taken
  // out; it is written back with its own new values later in the same pass.
  const displace = sqlite.prepare(
    `DELETE FROM ${table} WHERE ${unique.map((c) => `"${c}" = ?`).join(" AND ")} AND id <> ?`,
  );
  return (row) => {
    try {
      write(row);
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
      displace.run(...unique.map((c) => row[c]), row.id);
      write(row);
    }
  };
}

/**
 * The local desk counts new calls upwards from a watermark, as the trading system's AUTOINCREMENT writes them. A
 * replica gets them in the order their batches were applied, so a call can arrive below the watermark (corrected, so
 * sent again in a later batch, while the replica is made anew): it is noted as a correction of itself, and its hour
 * and day are counted again from raw rows (migrations/0010), as the triggers note an updated call.
 */
function lateCallNote(sqlite: Database.Database): (id: number, time: string) => void {
  const note = sqlite.prepare(
    `INSERT INTO agent_desk_llm_corrections (old_id, old_time, new_id, new_time)
     SELECT @id, @time, @id, @time FROM agent_desk_backfill WHERE name = 'llm_usage_log' AND @id < next_id`,
  );
  return (id, time) => void note.run({ id, time });
}

function keylessRowid(sourceId: string): number | undefined {
  const match = /^rowid:(\d+)$/.exec(sourceId);
  return match ? KEYLESS_TRADE_ROWID + Number(match[1]) : undefined;
}

function deleteRow(sqlite: Database.Database, table: SourceTable, sourceId: string): void {
  if (table !== "trades") sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(Number(sourceId));
  else {
    const keyless = keylessRowid(sourceId);
    if (keyless === undefined) sqlite.prepare("DELETE FROM trades WHERE trade_id = ?").run(sourceId);
    else sqlite.prepare("DELETE FROM trades WHERE rowid = ?").run(keyless);
  }
}
