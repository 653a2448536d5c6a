// npm run bench:fleet (also the end of npm run bench): a fleet of BENCH_FLEET_SYSTEMS (20) trading systems, each
// shipping the 1M-call bench file (npm run bench makes it) into one PostgreSQL server on this machine through a
// central desk (production build): the ingest rate, the shippers' lag while a Python writer adds 100 calls a second,
// how long the central desk takes to make each system's read replica from the store and to keep it current, and the
// response times of the fleet pages and of one system's own pages and API (read from its replica), written to
// BENCHMARKS.md.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { uncountedLlmCalls } from "@/db/aggregates/llm-backfill";
import { waitingTradeChanges } from "@/db/aggregates/trade-facts";
import { replicaFile } from "@/db/replica/replica-files";
import { centralClient } from "@/db/ship/central-client";
import { startShipper } from "@/db/ship/shipper";
import { startPostgres } from "@/db/testing/postgres-server";
import { migrateFile } from "@/migrations/migrate-file";
import { migratePostgres } from "@/migrations/postgres-runner";
import { writeNamedSection } from "./steps/benchmarks-file";
import { buildIfNeeded } from "./steps/build";
import { SERVER_ARGS } from "./steps/serve";
import { startWriter } from "./loadtest/shared";

const SYSTEMS = Number(process.env.BENCH_FLEET_SYSTEMS ?? 20);
const SOURCE = path.resolve(process.env.BENCH_FLEET_FILE ?? ".bench/llm-1000000-trades-100000.db");
const PORT = 3192;
const REPEAT = 15;
const WRITER_SECONDS = 60;
const HEADING = "## Fleet (npm run bench:fleet)";

const names = Array.from({ length: SYSTEMS }, (_, i) => `sys${String(i + 1).padStart(2, "0")}`);
const token = (name: string) => `${name}-bench-secret-0123456789abcdef`;

async function main() {
  if (!fs.existsSync(SOURCE)) throw new Error(`${SOURCE} is missing: npm run bench makes it (or set BENCH_FLEET_FILE)`);
  buildIfNeeded();
  // Each system's own copy would be 20 × 400 MB; they read one file instead (WAL readers do not disturb each other).
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-fleet-bench-"));
  const file = path.join(work, "trading.db");
  fs.copyFileSync(SOURCE, file);
  const local = path.join(work, "central-local.db");
  const replicas = path.join(work, "replicas");
  await migrateFile(local, { log: () => {} });
  const postgres = await startPostgres({ durable: true });
  const store = new pg.Pool({ connectionString: postgres.url });
  const client = await store.connect();
  await migratePostgres(client, { log: () => {} });
  // The statements slower than 100 ms, for BENCH_FLEET_SLOW_LOG to keep.
  await client.query("ALTER SYSTEM SET log_min_duration_statement = 100");
  await client.query("SELECT pg_reload_conf()");
  client.release();
  const server = spawn(process.execPath, SERVER_ARGS, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_PATH: local,
      DATABASE_URL: postgres.url,
      INGEST_TOKENS: names.map((n) => `${n}:${token(n)}`).join(","),
      FLEET_REPLICA_DIR: replicas,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${PORT}`;
  await waitFor(async () => (await fetch(`${url}/api/health`).catch(() => null))?.ok === true, 120_000);

  const source = new Database(file, { readonly: true });
  const rows = source
    .prepare(
      `SELECT (SELECT count(*) FROM llm_usage_log) + (SELECT count(*) FROM trades) + (SELECT count(*) FROM agent_performance)
         + (SELECT count(*) FROM system_metrics) + (SELECT count(*) FROM model_evolution_history) AS n`,
    )
    .pluck()
    .get() as number;
  const newestId = () => source.prepare("SELECT max(id) FROM llm_usage_log").pluck().get() as number;
  const shipped = async () =>
    new Map(
      (
        await store.query<{ system: string; id: number }>(
          "SELECT s.system, (SELECT max(id) FROM fleet_llm_calls c WHERE c.system = s.system)::float8 AS id FROM fleet_systems s",
        )
      ).rows.map((r) => [r.system, r.id ?? 0]),
    );
  const tradesIn = async () => Number((await store.query("SELECT count(*) FROM fleet_trades")).rows[0].count);
  const trades = source.prepare("SELECT count(*) FROM trades").pluck().get() as number;

  // 1. Catch-up: every system ships the whole file at once. The central side's CPU (desk and PostgreSQL) is counted
  // apart: the shippers share this machine's 2 cores here, where each would have its own host.
  const centralCpu = () => cpuSeconds(server.pid!) + postgresCpuSeconds();
  const cpuBefore = centralCpu();
  console.log(`fleet: ${SYSTEMS} systems × ${rows.toLocaleString("en-US")} rows into PostgreSQL…`);
  const started = performance.now();
  const shippers = names.map((name) =>
    startShipper({
      file,
      client: centralClient({ to: url, system: name, token: token(name) }),
      log: () => {},
      sweepMs: 30_000, // as npm run ship sweeps
    }),
  );
  await waitFor(
    async () => {
      const ids = await shipped();
      const done = names.filter((n) => ids.get(n) === newestId()).length;
      process.stdout.write(
        `\r  ${done}/${SYSTEMS} systems caught up on calls, ${(await tradesIn()).toLocaleString("en-US")} trades in`,
      );
      return done === SYSTEMS && (await tradesIn()) === trades * SYSTEMS;
    },
    4 * 3600_000,
    5000,
  );
  const catchUpSeconds = (performance.now() - started) / 1000;
  const catchUpCpu = centralCpu() - cpuBefore;
  console.log(`\n  caught up in ${catchUpSeconds.toFixed(0)} s`);

  // 2. Replicas: the central desk copies each system's rows from the store into its replica (while the store is
  // filled) and counts them; done when every replica holds and has counted all of its system's rows.
  const versions = async () =>
    new Map(
      (await store.query<{ system: string; version: number }>("SELECT system, version FROM fleet_systems")).rows.map(
        (r) => [r.system, Number(r.version)],
      ),
    );
  const replicaState = (name: string) => {
    const replica = replicaFile(replicas, name);
    if (!fs.existsSync(replica)) return null;
    const db = new Database(replica, { readonly: true });
    try {
      return {
        version: db.prepare("SELECT version FROM fleet_replica_state").pluck().get() as number,
        newestCall: (db.prepare("SELECT max(id) FROM llm_usage_log").pluck().get() as number | null) ?? 0,
        waiting: uncountedLlmCalls(db) + waitingTradeChanges(db),
      };
    } catch {
      return null; // still being made
    } finally {
      db.close();
    }
  };
  await waitFor(
    async () => {
      const stored = await versions();
      const done = names.filter((n) => {
        const state = replicaState(n);
        return state !== null && state.version === stored.get(n) && state.waiting === 0;
      }).length;
      process.stdout.write(`\r  ${done}/${SYSTEMS} replicas current and counted`);
      return done === SYSTEMS;
    },
    4 * 3600_000,
    5000,
  );
  const replicasSeconds = (performance.now() - started) / 1000;
  console.log(`\n  replicas current ${replicasSeconds.toFixed(0)} s after the shipping began`);

  // 3. Lag: the trading system writes 100 calls a second; how far behind are the shippers and the replicas (the
  // calls a system's own pages do not show yet), sampled every 500 ms.
  const behind: number[] = [];
  const replicaBehind: number[] = [];
  const writer = startWriter(file, WRITER_SECONDS, 100);
  let writing = true;
  void writer.then(() => (writing = false));
  while (writing) {
    const newest = newestId();
    const ids = await shipped();
    for (const name of names) behind.push(newest - (ids.get(name) ?? 0));
    for (const name of names) replicaBehind.push(newest - (replicaState(name)?.newestCall ?? 0));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const written = await writer;
  const stopAt = performance.now();
  await waitFor(async () => [...(await shipped()).values()].every((id) => id === newestId()), 600_000, 100);
  const drainMs = performance.now() - stopAt;
  await waitFor(async () => names.every((n) => replicaState(n)?.newestCall === newestId()), 600_000, 100);
  const replicaDrainMs = performance.now() - stopAt;

  // 4. Pages and API over the whole fleet and over one system, the shippers still running (idle); a system's own
  // pages and API read its replica.
  const paths = [
    "/fleet",
    "/fleet?days=365",
    "/fleet?system=sys01",
    "/fleet?system=sys01&days=365",
    "/api/fleet",
    "/api/fleet?days=365",
    "/api/fleet?system=sys01",
    "/?system=sys01",
    "/costs?system=sys01",
    "/agents?system=sys01",
    "/evolution?system=sys01",
    "/trades?system=sys01",
    "/review?system=sys01",
    "/system?system=sys01",
    "/api/llm/usage?system=sys01",
    "/api/agents/contribution?system=sys01",
    "/api/trades/stats?system=sys01",
  ];
  const timings = [];
  for (const p of paths) {
    const times: number[] = [];
    for (let i = 0; i <= REPEAT; i++) {
      const t = performance.now();
      const response = await fetch(url + p, { headers: { "accept-language": "ko" } });
      await response.text();
      if (!response.ok) throw new Error(`${p} answered ${response.status}`);
      times.push(performance.now() - t);
    }
    timings.push({ path: p, first: times[0]!, times: times.slice(1).sort((a, b) => a - b) });
  }
  const size = Number((await store.query("SELECT pg_database_size(current_database()) AS n")).rows[0].n);
  const calls = Number((await store.query("SELECT count(*) FROM fleet_llm_calls")).rows[0].count);
  const replicaBytes = fs
    .readdirSync(replicas)
    .reduce((sum, name) => sum + fs.statSync(path.join(replicas, name)).size, 0);

  await Promise.all(shippers.map((s) => s.stop()));
  server.kill("SIGTERM");
  source.close();
  await store.end();
  if (process.env.BENCH_FLEET_SLOW_LOG) {
    const logs = fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith("agent-desk-pg-"));
    const lines = logs.flatMap((d) => {
      const log = path.join(os.tmpdir(), d, "server.log");
      return fs.existsSync(log)
        ? fs
            .readFileSync(log, "utf8")
            .split("\n")
            .filter((l) => l.includes("duration:"))
        : [];
    });
    fs.writeFileSync(process.env.BENCH_FLEET_SLOW_LOG, lines.join("\n"));
  }
  await postgres.stop();
  fs.rmSync(work, { recursive: true, force: true });

  const sorted = [...behind].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const replicaSorted = [...replicaBehind].sort((a, b) => a - b);
  const rq = (p: number) =>
    replicaSorted[Math.min(replicaSorted.length - 1, Math.floor(p * replicaSorted.length))] ?? 0;
  const lines = [
    HEADING,
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL from ${path.basename(path.dirname(path.dirname(process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin")))}, ${new Date().toISOString().slice(0, 10)}. ${SYSTEMS} systems, each shipping the ${calls / SYSTEMS >= 1e6 ? "1M-call" : ""} bench file (${rows.toLocaleString("en-US")} rows) through its own shipper (in one process here) to one central desk (production build) over loopback, into one PostgreSQL server with fsync on; the central desk, PostgreSQL and the shippers share the same 2 cores.`,
    "",
    `- catch-up: ${(rows * SYSTEMS).toLocaleString("en-US")} rows (${calls.toLocaleString("en-US")} LLM calls) in ${catchUpSeconds.toFixed(0)} s: **${Math.round((rows * SYSTEMS) / catchUpSeconds).toLocaleString("en-US")} rows/s** ingested, every batch in one transaction with its aggregates; the central desk and PostgreSQL used ${catchUpCpu.toFixed(0)} CPU seconds for it, ${((catchUpCpu / (rows * SYSTEMS)) * 1e6).toFixed(1)} s per million rows (the rest of the time went to the 20 shippers on the same 2 cores)`,
    `- lag while the Python writer added ${written.counts.llm.toLocaleString("en-US")} calls in ${WRITER_SECONDS} s (100/s; ${written.counts.errors} writer errors, slowest write ${written.counts.slowest_ms.toFixed(0)} ms) and every shipper followed it: calls behind, sampled every 500 ms per system: median ${q(0.5)}, p95 ${q(0.95)}, max ${sorted.at(-1) ?? 0} (at 100 calls/s, ${(q(0.95) / 100).toFixed(1)} s at p95); after the writer stopped, all caught up within ${(drainMs / 1000).toFixed(1)} s`,
    `- replicas: every system's read replica held and had counted all its rows ${replicasSeconds.toFixed(0)} s after the shipping began (${(replicasSeconds - catchUpSeconds).toFixed(0)} s after the store had them); ${(replicaBytes / 2 ** 30).toFixed(1)} GiB for the ${SYSTEMS}`,
    `- replica lag beside the writer: calls a system's own pages did not show yet, sampled as above: median ${rq(0.5)}, p95 ${rq(0.95)}, max ${replicaSorted.at(-1) ?? 0}; all current within ${(replicaDrainMs / 1000).toFixed(1)} s after the writer stopped`,
    `- PostgreSQL database: ${(size / 2 ** 30).toFixed(1)} GiB`,
    "",
    "| path | first request ms | median ms | p95 ms |",
    "| --- | ---: | ---: | ---: |",
    ...timings.map(
      (t) =>
        `| \`${t.path}\` | ${t.first.toFixed(1)} | ${t.times[Math.floor(t.times.length / 2)]!.toFixed(1)} | ${t.times[Math.floor(t.times.length * 0.95)]!.toFixed(1)} |`,
    ),
  ];
  writeNamedSection(HEADING, lines.join("\n"));
  console.log(lines.join("\n"));
  console.log("written to BENCHMARKS.md");
}

const TICKS = 100; // clock ticks per second (getconf CLK_TCK on Linux)

/** User and system CPU seconds of a process, with its waited-for children. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return 0; // gone between listing and reading
  }
}

/** Every PostgreSQL process's CPU seconds (the postmaster's include its backends that have exited). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const command = fs.existsSync(`/proc/${pid}/comm`) ? fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() : "";
    if (command === "postgres") total += cpuSeconds(Number(pid));
  }
  return total;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
