import type Database from "better-sqlite3";
import { openDatabase } from "@/db/connection";
import type { SwapRequest } from "@/db/central/swap-requests";
import type { Batch, SourceRow, SourceTable } from "@/lib/fleet/batch";
import { CentralRefused, CentralUnavailable, type CentralClient } from "./central-client";
import { blockSummaries, newestCall, readCallsAfter, readSmallTable, SMALL_TABLES } from "./source";

// The shipper: beside one trading system, it sends the file's rows to the central desk and brings back the swaps
// operators recorded there for this system. Its loop:
//   1. asks the central desk where this system stands (the last batch number, the newest call id it has): the
//      central store is the only record of progress, so a shipper killed at any point resumes exactly;
//   2. sends new LLM calls by id, oldest first, a few thousand per batch, resting between batches like the local
//      desk's count (never a long read; the only writes to the trading file are the swaps of step 5);
//   3. every `sweepMs`, compares the small tables (trades, performance, metrics, swaps) with what it last sent: a
//      summary per block of a thousand rowids, computed by SQLite, says which blocks changed; their rows are compared
//      by fingerprint, and the rows that changed (a PnL filled in, a metrics row replaced) and the ids that went are
//      sent (every 20th sweep compares every row);
//   4. while the central desk is down, keeps the same batch and tries again with growing pauses (1 s to 60 s): the
//      same batch number is applied once, so a batch whose answer was lost is not written twice;
//   5. every `swapPollMs`, applies the central desk's pending swaps for this system and acknowledges each.

export type ShipperOptions = {
  file: string;
  client: CentralClient;
  /** Applies one central swap request to this system (db/ship/apply-swap.ts); absent, swaps are not pulled. */
  applySwap?: (request: SwapRequest) => { outcome: string; historyId: number | null; retry?: boolean };
  /**
   * The system's agent config as it is now (read for each batch, as the config is edited): its spending limits and
   * its text, for the central desk's pages of this system.
   */
  agentConfig?: () => Pick<NonNullable<Batch["source"]>, "limits" | "agent_config">;
  log?: (line: string) => void;
  pollMs?: number;
  sweepMs?: number;
  swapPollMs?: number;
  /** LLM calls per batch. */
  batchCalls?: number;
  /** Rows of the small tables per batch. */
  batchRows?: number;
  /** An empty batch at least this often, so the fleet overview can tell a quiet system from a dead shipper. */
  heartbeatMs?: number;
};

export const SHIPPER_NAME = "agent-desk-ship/1";

/** The shipper cannot go on without the operator (another file at the path); its message says what to do. */
export class ShipperStopped extends Error {}

// A batch's small-table rows stay well under the central desk's 64 MiB (inflated) limit, whatever their text.
const MAX_BATCH_JSON = 4 * 2 ** 20;

/** The next changes to send: at most `rows` of them and about MAX_BATCH_JSON of JSON, at least one. */
function takeChanges(pending: Change[], rows: number): Change[] {
  let size = 0;
  let count = 0;
  for (const change of pending.slice(0, rows)) {
    size += change.row ? JSON.stringify(change.row).length : 32;
    if (count > 0 && size > MAX_BATCH_JSON) break;
    count++;
  }
  return pending.slice(0, count);
}

type SmallTable = (typeof SMALL_TABLES)[number];

/**
 * What the central store holds of one small table, as far as this shipper knows: each row's fingerprint as sent (""
 * when only its id is known, after a start), the rowid block each was read from, and each block's summary at the
 * last sweep (null: the next sweep reads the whole table).
 */
type TableState = { prints: Map<string, string>; blockOf: Map<string, number>; summaries: Map<number, string> | null };

// Every 20th sweep (10 minutes at the default 30 s) reads whole tables, for an edit no block summary shows.
const FULL_SWEEP_EVERY = 20;
type Change = { table: SmallTable; row?: SourceRow<SmallTable>; gone?: string; sourceId: string; print?: string };

export function startShipper(options: ShipperOptions): { stop(): Promise<void>; done: Promise<void> } {
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = run(options, () => stopped, sleep);
  return {
    done,
    async stop() {
      stopped = true;
      wake?.();
      await done.catch(() => {});
    },
  };
}

async function run(options: ShipperOptions, isStopped: () => boolean, sleep: (ms: number) => Promise<void>) {
  const {
    file,
    client,
    applySwap,
    agentConfig,
    log = console.log,
    pollMs = 1000,
    sweepMs = 30_000,
    swapPollMs = 5000,
    batchCalls = 2000,
    batchRows = 2000,
    heartbeatMs = 10_000,
  } = options;
  const db = openDatabase(file, { mustExist: true });
  db.pragma("query_only = ON");
  db.pragma("wal_autocheckpoint = 0");
  try {
    // Retries a request to the central desk until it answers or the shipper stops; a refusal ends the shipper.
    let outage: string | undefined;
    const patiently = async <T>(what: () => Promise<T>): Promise<T | undefined> => {
      for (let pause = 1000; !isStopped(); pause = Math.min(pause * 2, 60_000)) {
        try {
          const answer = await what();
          if (outage) log(`the central desk answers again`);
          outage = undefined;
          return answer;
        } catch (error) {
          if (!(error instanceof CentralUnavailable)) throw error;
          if (outage !== error.message) log(`${error.message}; trying again (with pauses up to a minute)`);
          outage = error.message;
          await sleep(pause * (0.75 + Math.random() / 2));
        }
      }
      return undefined;
    };

    // Where the central store stands for this system; asked at start and whenever a batch is refused as out of
    // sequence (a second shipper, a restored store, a batch whose answer was lost): the shipper then continues from
    // the store's own watermarks, so nothing the store lacks is ever skipped.
    let seq = 0;
    let watermark = 0;
    // What the central store holds of the small tables, as far as this shipper knows: at first only their ids (so a
    // row deleted while no shipper ran is found gone), then each row's fingerprint as it is sent.
    let tables = new Map<SmallTable, TableState>();
    let sweeps = 0;
    let pending: Change[] = [];
    let lastSweep = -Infinity;
    const resync = async (): Promise<boolean> => {
      const state = await patiently(() => client.state());
      if (!state) return false;
      seq = state.last_seq;
      watermark = state.watermarks.llm_usage_log;
      tables = new Map(
        SMALL_TABLES.map((t) => [
          t,
          { prints: new Map((state.known[t] ?? []).map((id) => [id, ""])), blockOf: new Map(), summaries: null },
        ]),
      );
      pending = [];
      lastSweep = -Infinity;
      log(`resuming after batch ${seq}, LLM call ${watermark}`);
      // A file whose newest call is older than what the store holds is another file (replaced, restored, rotated):
      // shipping it would send nothing new and report every stored trade as deleted. The operator decides.
      const newest = newestCall(db).id;
      if (newest < watermark)
        throw new ShipperStopped(
          `${file} ends at LLM call ${newest}, but the central desk holds this system's calls up to ${watermark}: is it another file (replaced or restored)? Ship it under a new --system name, or remove this system's rows centrally first`,
        );
      return true;
    };
    if (!(await resync())) return;
    const skipped = new Set<string>();
    let lastSwapPoll = -Infinity;
    let lastSent = -Infinity;
    let callsPerBatch = batchCalls;
    let rowsPerBatch = batchRows;

    /** Sends one batch: "sent", "resync" (refused as out of sequence), "smaller" (too large), or "stopped". */
    const send = async (
      rows: Batch["rows"],
      deleted: Batch["deleted"],
      behind: { calls: number; newest: string | null },
    ): Promise<"sent" | "resync" | "smaller" | "stopped"> => {
      const batch: Batch = {
        seq: seq + 1,
        rows,
        deleted,
        source: {
          calls_behind: behind.calls,
          newest_call_at: behind.newest,
          skipped_rows: skipped.size,
          shipper: SHIPPER_NAME,
          ...readAgentConfig(),
        },
      };
      try {
        const answer = await patiently(() => client.send(batch));
        if (!answer) return "stopped";
        if (!answer.applied) {
          log(`the central desk is at batch ${answer.last_seq}, not ${seq}: asking where it stands`);
          return "resync";
        }
      } catch (error) {
        if (error instanceof CentralRefused && error.status === 413 && callsPerBatch + rowsPerBatch > 2)
          return "smaller";
        throw error;
      }
      seq = batch.seq;
      lastSent = Date.now();
      return "sent";
    };

    while (!isStopped()) {
      const began = Date.now();
      const calls = readCallsAfter(db, watermark, callsPerBatch);
      noteSkipped("llm_usage_log", calls.skipped);
      const newest = newestCall(db);
      // A new sweep only once the last one's changes are all sent: until then `tables` does not know them yet, and
      // sweeping again would queue them twice.
      if (pending.length === 0 && Date.now() - lastSweep >= sweepMs) {
        pending = sweep(db, tables, sweeps++ % FULL_SWEEP_EVERY === 0, noteSkipped);
        lastSweep = Date.now();
      }
      const changes = takeChanges(pending, rowsPerBatch);
      const quiet = calls.lastId === watermark && changes.length === 0;
      if (!quiet || Date.now() - lastSent >= heartbeatMs) {
        const { rows, deleted } = toBatch(changes);
        if (calls.rows.length > 0) rows.llm_usage_log = calls.rows;
        const outcome = await send(rows, deleted, {
          calls: Math.max(0, newest.id - calls.lastId),
          newest: newest.timestamp,
        });
        if (outcome === "stopped") break;
        if (outcome === "resync") {
          if (!(await resync())) break;
          continue;
        }
        if (outcome === "smaller") {
          callsPerBatch = Math.max(1, Math.floor(callsPerBatch / 2));
          rowsPerBatch = Math.max(1, Math.floor(rowsPerBatch / 2));
          log(`the central desk found a batch too large: ${callsPerBatch} calls and ${rowsPerBatch} rows a batch now`);
          continue;
        }
        watermark = calls.lastId;
        pending = pending.slice(changes.length);
        for (const change of changes) {
          const { prints, blockOf } = tables.get(change.table)!;
          if (change.gone === undefined) prints.set(change.sourceId, change.print!);
          else {
            prints.delete(change.gone);
            blockOf.delete(change.gone);
          }
        }
      }
      if (applySwap && Date.now() - lastSwapPoll >= swapPollMs) {
        lastSwapPoll = Date.now();
        const answer = await patiently(() => client.swapRequests());
        for (const request of answer?.requests ?? []) {
          const applied = applySwap(request);
          log(`central swap ${request.requestId} (${request.kind} ${request.agentName}): ${applied.outcome}`);
          // A busy, read-only or full file: not an answer to the operator's request, which is tried again.
          if (applied.retry) continue;
          await patiently(() =>
            client.acknowledge({
              request_id: request.requestId,
              outcome: applied.outcome,
              history_id: applied.historyId,
            }),
          );
        }
        if (answer?.requests.length) lastSweep = -Infinity; // the swap's history row goes out with the next batch
      }
      const more = calls.rows.length + calls.skipped.length === callsPerBatch || pending.length > 0;
      // Behind: rest a quarter of the time the batch took (at least 5 ms), so the trading system's writer and the
      // central desk both breathe; caught up: look again after `pollMs`.
      await sleep(more ? Math.max(5, (Date.now() - began) / 4) : pollMs);
    }

    function readAgentConfig() {
      try {
        return agentConfig?.();
      } catch (error) {
        log(`the agent config cannot be read, so it is not sent: ${(error as Error).message}`);
        return undefined;
      }
    }

    function noteSkipped(table: SourceTable, rows: { sourceId: string; problem: string }[]) {
      for (const { sourceId, problem } of rows) {
        const key = `${table} ${sourceId}`;
        if (skipped.has(key)) continue;
        skipped.add(key);
        log(`left behind ${table} row ${sourceId}: ${problem} (the central store cannot keep it as written)`);
      }
    }
  } finally {
    db.close();
  }
}

/**
 * The small tables' rows that differ from what was last sent, and the ids that are gone: of the blocks whose summary
 * changed (a PnL filled in touches one block of a thousand rows), or of the whole table when `full`.
 */
function sweep(
  db: Database.Database,
  tables: Map<SmallTable, TableState>,
  full: boolean,
  noteSkipped: (table: SourceTable, rows: { sourceId: string; problem: string }[]) => void,
): Change[] {
  const changes: Change[] = [];
  for (const table of SMALL_TABLES) {
    const state = tables.get(table)!;
    const fresh = blockSummaries(db, table);
    let blocks: number[] | undefined;
    if (!full && state.summaries) {
      const known = state.summaries;
      blocks = [...new Set([...fresh.keys(), ...known.keys()])].filter((b) => fresh.get(b) !== known.get(b));
      if (blocks.length === 0) continue;
    }
    const read = readSmallTable(db, table, blocks);
    noteSkipped(table, read.skipped);
    for (const row of read.rows) {
      const sourceId = "source_id" in row ? row.source_id : String(row.id);
      const print = read.fingerprints.get(sourceId)!;
      if (state.prints.get(sourceId) !== print) changes.push({ table, row, sourceId, print });
    }
    const looked = blocks && new Set(blocks);
    for (const sourceId of state.prints.keys()) {
      if (read.fingerprints.has(sourceId)) continue;
      // Looked for where it was and not found anywhere read: gone (a renumbered row is found in its new block).
      if (!looked || looked.has(state.blockOf.get(sourceId) ?? -1)) changes.push({ table, gone: sourceId, sourceId });
    }
    for (const [sourceId, block] of read.blockOf) state.blockOf.set(sourceId, block);
    state.summaries = fresh;
  }
  return changes;
}

function toBatch(changes: Change[]): Pick<Batch, "rows" | "deleted"> {
  const rows: Record<string, unknown[]> = {};
  const deleted: Record<string, (string | number)[]> = {};
  for (const change of changes) {
    if (change.row) (rows[change.table] ??= []).push(change.row);
    else (deleted[change.table] ??= []).push(change.table === "trades" ? change.gone! : Number(change.gone));
  }
  return { rows, deleted } as Pick<Batch, "rows" | "deleted">;
}
