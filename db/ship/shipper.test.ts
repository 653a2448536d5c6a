import http from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestBatch } from "@/db/central/ingest";
import { centralPool, closeCentralPools } from "@/db/central/pool";
import { shipperState } from "@/db/central/shipper-state";
import { startPostgres, type PostgresServer } from "@/db/testing/postgres-server";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { batchSchema } from "@/lib/fleet/batch";
import { migratePostgres } from "@/migrations/postgres-runner";
import { startWriter } from "@/scripts/loadtest/shared";
import { centralClient } from "./central-client";
import { startShipper } from "./shipper";

// The shipper's protocol with the central store, on a real PostgreSQL server behind a real HTTP server that answers
// as the ingestion routes do (the routes themselves run in e2e/fleet/): two shippers for one system at once, and a
// store restored from an older backup, lose and double nothing while the Python writer inserts.

let server: PostgresServer;
let desk: http.Server;
let url: string;

beforeAll(async () => {
  server = await startPostgres();
  const client = await centralPool(server.url).connect();
  await migratePostgres(client, { log: () => {} });
  client.release();
  desk = http.createServer(async (request, response) => {
    const pool = centralPool(server.url);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && request.url!.startsWith("/api/ingest/state")) {
      const state = await shipperState(pool, "alpha");
      return answer(200, {
        last_seq: state.lastSeq,
        watermarks: { llm_usage_log: state.callWatermark },
        known: state.known,
      });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const batch = batchSchema.parse(JSON.parse(gunzipSync(Buffer.concat(chunks)).toString("utf8")));
    const result = await ingestBatch(pool, "alpha", batch);
    answer(
      result.applied ? 200 : 409,
      result.applied ? { applied: true } : { applied: false, last_seq: result.lastSeq },
    );
  });
  await new Promise<void>((resolve) => desk.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(desk.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  desk?.close();
  await closeCentralPools();
  await server?.stop();
});

/** The file's calls and trades, and the central store's for the system, as comparable figures. */
async function caughtUp(file: string) {
  const round = (x: number | null) => Math.round((x ?? 0) * 1e6) / 1e6;
  const db = new Database(file, { readonly: true });
  const local = db
    .prepare(
      `SELECT (SELECT count(*) FROM llm_usage_log) AS calls, (SELECT max(id) FROM llm_usage_log) AS max,
         (SELECT total(cost_usd) FROM llm_usage_log) AS cost, (SELECT count(*) FROM trades) AS trades,
         (SELECT total(pnl_7_days) FROM trades) AS pnl`,
    )
    .get() as Record<string, number>;
  db.close();
  const central = (
    await centralPool(server.url).query(
      `SELECT (SELECT count(*) FROM fleet_llm_calls WHERE system = 'alpha')::int AS calls,
         (SELECT max(id) FROM fleet_llm_calls WHERE system = 'alpha')::float8 AS max,
         (SELECT sum(cost_usd) FROM fleet_llm_calls WHERE system = 'alpha') AS cost,
         (SELECT count(*) FROM fleet_trades WHERE system = 'alpha')::int AS trades,
         (SELECT sum(pnl_7_days) FROM fleet_trades WHERE system = 'alpha') AS pnl`,
    )
  ).rows[0];
  const figures = (f: Record<string, number>) => [f.calls, f.max, round(f.cost!), f.trades, round(f.pnl!)];
  return JSON.stringify(figures(local)) === JSON.stringify(figures(central));
}

async function until(check: () => Promise<boolean>, ms = 60_000) {
  for (const deadline = Date.now() + ms; !(await check());) {
    if (Date.now() > deadline) throw new Error("not caught up in time");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the shipper", () => {
  it("two shippers for one system, then a store restored from an older backup: nothing lost or doubled", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "trading.db"), ["--days", "30"]);
    const writer = startWriter(file, 6, 100);
    const ship = () =>
      startShipper({
        file,
        client: centralClient({ to: url, system: "alpha", token: "unused-by-this-stand-in" }),
        log: () => {},
        batchCalls: 50,
        batchRows: 20,
        sweepMs: 300,
        pollMs: 50,
      });
    const [one, two] = [ship(), ship()];
    const { counts } = await writer;
    expect(counts.errors).toBe(0);
    await until(() => caughtUp(file));
    // The store goes back to an older backup: its newest rows and batch numbers are gone.
    const pool = centralPool(server.url);
    const client = await pool.connect();
    await client.query("BEGIN");
    await client.query("DELETE FROM fleet_llm_calls WHERE system = 'alpha' AND id > 1000");
    await client.query("DELETE FROM fleet_llm_hourly WHERE system = 'alpha'");
    await client.query("DELETE FROM fleet_llm_totals WHERE system = 'alpha'");
    await client.query(
      `INSERT INTO fleet_llm_hourly SELECT system, hour, agent_name, provider, model, request_type, count(*),
         count(*) FILTER (WHERE success), sum(tokens_used), sum(cost_usd), sum(response_time_ms)
       FROM fleet_llm_calls WHERE system = 'alpha' GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    await client.query("UPDATE fleet_systems SET last_seq = 3 WHERE system = 'alpha'");
    await client.query("COMMIT");
    client.release();
    await until(() => caughtUp(file));
    const kept = await pool.query(
      "SELECT hour, sum(calls)::int AS calls FROM fleet_llm_hourly WHERE system = 'alpha' GROUP BY 1 ORDER BY 1",
    );
    const recount = await pool.query(
      "SELECT hour, count(*)::int AS calls FROM fleet_llm_calls WHERE system = 'alpha' GROUP BY 1 ORDER BY 1",
    );
    expect(kept.rows).toEqual(recount.rows);
    await Promise.all([one.stop(), two.stop()]);
  }, 120_000);
});
