import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresServer } from "@/db/testing/postgres-server";
import type { Batch, SourceRow } from "@/lib/fleet/batch";
import { migratePostgres, planPostgres, rollbackPostgres } from "@/migrations/postgres-runner";
import { hourKey } from "./hour-key";
import { ingestBatch } from "./ingest";
import { centralPool, closeCentralPools } from "./pool";

// The central store's write path on a real PostgreSQL server: what a batch writes, what it must not write twice,
// and that the hourly aggregate always equals a count of the rows it stands for.

let server: PostgresServer;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startPostgres();
  pool = centralPool(server.url);
  const client = await pool.connect();
  await migratePostgres(client, { log: () => {} });
  client.release();
}, 60_000);

afterAll(async () => {
  await closeCentralPools();
  await server?.stop();
});

const call = (id: number, over: Partial<SourceRow<"llm_usage_log">> = {}): SourceRow<"llm_usage_log"> => ({
  id,
  timestamp: `2026-11-30T09:${String(id % 60).padStart(2, "0")}:00`,
  agent_name: id % 2 ? "cio" : "technical_analyst",
  provider: "claude",
  model: "opus-4.1",
  tokens_used: 1000 + id,
  cost_usd: 0.01 * id,
  response_time_ms: 100 + id,
  request_type: "final_decision",
  success: id % 5 !== 0,
  error_message: id % 5 ? null : "rate limited",
  created_at: "2026-11-30 00:00:00",
  ...over,
});

// Each system's batches are numbered on their own, from 1.
const seqs = new Map<string, number>();
const batch = (over: Partial<Batch>, system = "alpha"): Batch => {
  seqs.set(system, (seqs.get(system) ?? 0) + 1);
  return { seq: seqs.get(system)!, rows: {}, deleted: {}, ...over };
};

async function hourlyVersusRecount(system: string) {
  const kept = await pool.query(
    `SELECT hour, agent_name, provider, model, request_type, calls, successes, tokens, round(cost_usd::numeric, 9) AS cost,
       round(latency_ms_sum::numeric, 6) AS latency FROM fleet_llm_hourly WHERE system = $1 ORDER BY 1, 2, 3, 4, 5`,
    [system],
  );
  const recount = await pool.query(
    `SELECT hour, agent_name, provider, model, request_type, count(*)::bigint AS calls,
       count(*) FILTER (WHERE success)::bigint AS successes, sum(tokens_used)::bigint AS tokens,
       round(sum(cost_usd)::numeric, 9) AS cost, round(sum(response_time_ms)::numeric, 6) AS latency
     FROM fleet_llm_calls WHERE system = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    [system],
  );
  return { kept: kept.rows, recount: recount.rows };
}

describe("ingestBatch", () => {
  it("keeps the hourly aggregate equal to a recount through new, changed, moved and deleted calls", async () => {
    const calls = Array.from({ length: 120 }, (_, i) => call(i + 1));
    expect(await ingestBatch(pool, "alpha", batch({ rows: { llm_usage_log: calls } }))).toMatchObject({
      applied: true,
      written: 120,
    });
    let { kept, recount } = await hourlyVersusRecount("alpha");
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recount);

    // A correction moves call 7 to another hour and changes call 8's cost; call 9 is deleted.
    await ingestBatch(
      pool,
      "alpha",
      batch({
        rows: { llm_usage_log: [call(7, { timestamp: "2026-11-30T11:00:00+09:00" }), call(8, { cost_usd: 5 })] },
        deleted: { llm_usage_log: [9] },
      }),
    );
    ({ kept, recount } = await hourlyVersusRecount("alpha"));
    expect(kept).toEqual(recount);
    expect(kept.some((row) => row.hour === "U2026-11-30T02")).toBe(true);
    const count = await pool.query("SELECT count(*)::int AS n FROM fleet_llm_calls WHERE system = 'alpha'");
    expect(count.rows[0].n).toBe(119);
  });

  it("writes nothing for a batch number other than the next, nor for rows it already has", async () => {
    const before = await pool.query("SELECT * FROM fleet_llm_hourly WHERE system = 'alpha' ORDER BY 2, 3, 4, 5, 6");
    const seq = seqs.get("alpha")!;
    const replay: Batch = { seq, rows: { llm_usage_log: [call(1, { cost_usd: 99 })] }, deleted: {} };
    expect(await ingestBatch(pool, "alpha", replay)).toEqual({
      applied: false,
      reason: "out of sequence",
      lastSeq: seq,
    });
    // Nor one ahead of it (a shipper past a store restored from a backup): it must ask where the store stands.
    expect(await ingestBatch(pool, "alpha", { ...replay, seq: seq + 2 })).toMatchObject({ applied: false });
    // Rows sent again under a new number (a shipper restarted after an outage) change nothing either.
    const again = await ingestBatch(pool, "alpha", batch({ rows: { llm_usage_log: [call(1), call(2)] } }));
    expect(again).toMatchObject({ applied: true, written: 0 });
    const after = await pool.query("SELECT * FROM fleet_llm_hourly WHERE system = 'alpha' ORDER BY 2, 3, 4, 5, 6");
    expect(after.rows).toEqual(before.rows);
  });

  it("keeps systems apart: the same source ids in two systems are two rows", async () => {
    await ingestBatch(pool, "beta", batch({ rows: { llm_usage_log: [call(1), call(2)] } }, "beta"));
    const rows = await pool.query("SELECT system, count(*)::int AS n FROM fleet_llm_calls WHERE id <= 2 GROUP BY 1");
    expect(Object.fromEntries(rows.rows.map((r) => [r.system, r.n]))).toEqual({ alpha: 2, beta: 2 });
    const { kept, recount } = await hourlyVersusRecount("beta");
    expect(kept).toEqual(recount);
  });

  it("upserts trades by source id, PnL filled in later, and deletes the ones the file lost", async () => {
    const trade: SourceRow<"trades"> = {
      source_id: "T-1",
      trade_id: "T-1",
      timestamp: "2026-11-30T09:10:00",
      ticker: "005930",
      action: "buy",
      quantity: 10,
      price: 71000,
      justification_text: "반도체 업황 개선",
      market_snapshot: "{}",
      portfolio_before: "{}",
      pnl_7_days: null,
      pnl_30_days: null,
      agent_contributions: '{"cio": NaN}',
      decision_confidence: 0.7,
      analysis_metadata: null,
      created_at: null,
    };
    const withoutId = { ...trade, source_id: "rowid:7", trade_id: null };
    await ingestBatch(pool, "alpha", batch({ rows: { trades: [trade, withoutId] } }));
    // Sent twice in one batch, a row counts as its last version.
    const later = await ingestBatch(
      pool,
      "alpha",
      batch({ rows: { trades: [trade, { ...trade, pnl_7_days: 1200 }, withoutId] } }),
    );
    expect(later).toMatchObject({ written: 1 }); // the first one's PnL changed; the second is the same as stored
    await ingestBatch(pool, "alpha", batch({ deleted: { trades: ["rowid:7"] } }));
    // The day aggregate moved with every change: it equals a recount of the trades left.
    const kept = await pool.query(
      "SELECT day, trades, with_pnl, pnl, wins, losses FROM fleet_trade_days WHERE system = 'alpha' ORDER BY day",
    );
    const recount = await pool.query(
      `SELECT day, count(*)::bigint AS trades, count(pnl_7_days)::bigint AS with_pnl, coalesce(sum(pnl_7_days), 0) AS pnl,
         count(*) FILTER (WHERE pnl_7_days > 0)::bigint AS wins, count(*) FILTER (WHERE pnl_7_days < 0)::bigint AS losses
       FROM fleet_trades WHERE system = 'alpha' GROUP BY day ORDER BY day`,
    );
    expect(kept.rows).toEqual(recount.rows);
    expect(kept.rows).toEqual([{ day: "2026-11-30", trades: 1, with_pnl: 1, pnl: 1200, wins: 1, losses: 0 }]);
    const rows = await pool.query(
      "SELECT source_id, pnl_7_days, justification_text, agent_contributions FROM fleet_trades",
    );
    expect(rows.rows).toEqual([
      {
        source_id: "T-1",
        pnl_7_days: 1200,
        justification_text: "반도체 업황 개선",
        agent_contributions: '{"cio": NaN}',
      },
    ]);
  });

  it("keys hours exactly as the local desk's aggregates do", () => {
    expect(hourKey("2026-11-30T09:15:00.123456")).toBe("2026-11-30T09");
    expect(hourKey("2026-11-30 23:59:59")).toBe("2026-11-30T23");
    expect(hourKey("2026-11-30T09:15:00Z")).toBe("U2026-11-30T09");
    expect(hourKey("2026-11-30T09:15:00+09:00")).toBe("U2026-11-30T00");
    expect(hourKey("yesterday")).toBe("?");
  });
});

describe("the PostgreSQL migrations", () => {
  it("roll back and apply again, and refuse a database migrated by a newer desk", async () => {
    const client = await pool.connect();
    try {
      const log: string[] = [];
      await rollbackPostgres(client, { log: (line) => log.push(line) });
      expect((await client.query("SELECT to_regclass('fleet_deleted_rows') AS t")).rows[0].t).toBeNull();
      await rollbackPostgres(client, { log: (line) => log.push(line) });
      expect((await client.query("SELECT to_regclass('fleet_llm_calls') AS t")).rows[0].t).toBeNull();
      await migratePostgres(client, { log: (line) => log.push(line) });
      expect(log).toEqual([
        "rolled back: 0002_row_versions",
        "rolled back: 0001_fleet",
        "pending: 0001_fleet (the central store of a fleet: each trading system's rows, their aggregates and the shippers' progress)",
        "pending: 0002_row_versions (every row says which of its system's batches last wrote it, and deletions leave a tombstone, so a reader can)",
        "applied: 0001_fleet",
        "applied: 0002_row_versions",
      ]);
      await client.query("INSERT INTO agent_desk_migrations (name, checksum) VALUES ('9999_future', 'x')");
      await expect(planPostgres(client)).rejects.toThrow(/9999_future, which this Agent Desk does not know/);
      await client.query("DELETE FROM agent_desk_migrations WHERE name = '9999_future'");
    } finally {
      client.release();
    }
  });
});
