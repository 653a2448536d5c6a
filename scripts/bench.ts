// npm run bench: builds 1M and 10M LLM-call datasets, serves each with the production build and times every
// page and the main API paths against the trading system's own queries on the same file, in the same run.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { rebuildLlmAggregates } from "@/db/aggregates/count-all";
import { rebuildTradeAggregates } from "@/db/aggregates/trade-facts";
import { openDatabase } from "@/db/connection";
import { migrateFile } from "@/migrations/migrate-file";
import { writeBenchSection } from "./steps/benchmarks-file";
import { BENCH_PAGES as PAGES } from "./steps/bench-pages";
import { buildIfNeeded } from "./steps/build";
import { SERVER_ARGS } from "./steps/serve";

const SIZES = (process.env.BENCH_SIZES ?? "1000000,10000000").split(",").map(Number);
const TRADES = 100_000;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 15);
const DIR = path.resolve(".bench");
const PORT = 3190;
const APIS = [
  "/api/health",
  "/api/llm/usage?days=7",
  "/api/llm/usage?days=365",
  "/api/llm/breakdown?days=30",
  "/api/agents/contribution",
  "/api/trades/stats",
  "/api/evolution",
];

// The trading system's own queries, as its Python code runs them: UTC 'now' against naive times, no index can serve
// them.
const PYTHON = `
import sqlite3, sys, time, statistics
db, days, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
queries = {
  "get_llm_usage_stats": [
    "SELECT provider, COUNT(*), SUM(tokens_used), SUM(cost_usd), AVG(response_time_ms), SUM(CASE WHEN success = 1 THEN 1 ELSE 0 END) FROM llm_usage_log WHERE datetime(timestamp) >= datetime('now', '-%d days') GROUP BY provider" % days,
    "SELECT agent_name, COUNT(*), SUM(cost_usd), AVG(response_time_ms) FROM llm_usage_log WHERE datetime(timestamp) >= datetime('now', '-%d days') GROUP BY agent_name" % days],
  "daily_cost_by_provider": [
    "SELECT date(timestamp), provider, SUM(cost_usd) FROM llm_usage_log WHERE datetime(timestamp) >= datetime('now', '-%d days') GROUP BY 1, 2" % days],
}
for name, sqls in queries.items():
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        with sqlite3.connect(db) as c:
            for q in sqls: c.execute(q).fetchall()
        times.append((time.perf_counter() - t) * 1000)
    print(name, statistics.median(times))
`;

const INSERTS = `
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
t = time.perf_counter()
for i in range(n):
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) VALUES (?,?,?,?,?,?,?,?,?,?)",
                  ("2026-11-26T10:%02d:%02d.%06d" % (i // 60 % 60, i % 60, i), "cio", "claude", "opus-4.1", 1500, 0.09, 9000.5, "final_decision", 1, None))
print((time.perf_counter() - t) * 1000 / n)
`;

type Row = { what: string; first: number; median: number; p95: number; baseline?: number };
const ZONE = "Asia/Seoul";

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  buildIfNeeded();
  const report: string[] = [
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
    "",
  ];
  for (const size of SIZES) {
    const file = path.join(DIR, `llm-${size}-trades-${TRADES}.db`);
    let seedSeconds: number | null = null;
    if (!fs.existsSync(file)) {
      const t = performance.now();
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "scripts/db-seed.ts",
          "--db",
          file,
          "--days",
          "365",
          "--llm-rows",
          String(size),
          "--trades",
          String(TRADES),
        ],
        { stdio: "inherit" },
      );
      seedSeconds = (performance.now() - t) / 1000;
    }
    await migrateFile(file, { log: () => {}, timeZone: ZONE }); // a file from an older run gains the newer migrations
    fs.rmSync(path.join(DIR, "backups"), { recursive: true, force: true });
    const rebuild = timeRebuild(file);
    const server = await startServer(file);
    const rows: Row[] = [];
    const own = trading(file, 7);
    const own365 = trading(file, 365);
    for (const p of [...PAGES, ...APIS]) {
      const { first, times } = await timeGet(p);
      const baseline = p.includes("llm/usage?days=7")
        ? own.get_llm_usage_stats
        : p.includes("llm/usage?days=365")
          ? own365.get_llm_usage_stats
          : p === "/costs?days=365"
            ? own365.get_llm_usage_stats! + own365.daily_cost_by_provider!
            : undefined;
      rows.push({ what: p, first, median: median(times), p95: quantile(times, 0.95), baseline });
    }
    const alerts = await alertRounds();
    const rss = fs.readFileSync(`/proc/${server.pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)![1]!;
    server.kill("SIGTERM");
    const sizes = fileSizes(file);
    const overhead = insertOverhead(file);
    report.push(
      `## ${size.toLocaleString("en-US")} LLM calls, ${TRADES.toLocaleString("en-US")} trades (365 days)`,
      "",
      "| path | first request ms | median ms | p95 ms | trading system's own query, median ms | speed-up |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map(
        (r) =>
          `| \`${r.what}\` | ${r.first.toFixed(1)} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.baseline?.toFixed(1) ?? ""} | ${r.baseline ? `${(r.baseline / r.median).toFixed(0)}×` : ""} |`,
      ),
      "",
      `- seed: ${seedSeconds === null ? "reused" : `${seedSeconds.toFixed(0)} s`}; aggregates rebuilt from scratch (what adopting a file costs): LLM log ${rebuild.llm.toFixed(1)} s, trades ${rebuild.trades.toFixed(1)} s`,
      `- alert rules (the 12 starting rules, measured one per turn of the event loop and written by the background loop, off the request path): ${alerts.map((r) => `${r.round.toFixed(1)} ms (longest one rule ${r.slowest.toFixed(1)} ms)`).join(", then ")} a round`,
      `- server RSS after the run: ${(Number(rss) / 1024).toFixed(0)} MB`,
      `- file: ${(sizes.total / 2 ** 20).toFixed(0)} MB, of which Agent Desk's tables and indexes ${(sizes.aggregates / 2 ** 20).toFixed(1)} MB (${((sizes.aggregates / sizes.total) * 100).toFixed(1)} %)`,
      `- Python insert (one connection per insert, as the trading system writes; medians of 21 alternating rounds of 400): ${overhead.with.toFixed(3)} ms with Agent Desk's tables, triggers and indexes, ${overhead.without.toFixed(3)} ms without any of them: ${percent(overhead.added)} added by them (median of the rounds' ratios; quartiles ${overhead.addedQuartiles.map(percent).join(" and ")}); ${overhead.original.toFixed(3)} ms on the file as it was before Agent Desk (rollback journal, none of its objects): ${percent(overhead.againstOriginal)} with Agent Desk`,
      "",
    );
    console.log(report.slice(-rows.length - 11).join("\n"));
  }
  writeBenchSection(
    `# Benchmarks\n\n\`npm run bench\`; times are server response times over loopback, production build: the first request after start-up (it fills the range cache of db/aggregates/llm-range-cache.ts, which a new hour or a late call refills), then ${REPEAT} more.\n\n${report.join("\n")}`,
  );
  console.log("written to BENCHMARKS.md");
  // The browser part in a process of its own: it serves the demo data, not these sizes, and writes its own section.
  execFileSync(process.execPath, ["--import", "tsx", "scripts/bench-browser.ts"], { stdio: "inherit" });
  // The fleet part: 20 systems shipping the 1M-call file into one PostgreSQL (its own process, its own section).
  execFileSync(process.execPath, ["--import", "tsx", "scripts/bench-fleet.ts"], { stdio: "inherit" });
}

function timeRebuild(file: string) {
  const db = openDatabase(file);
  const seconds = (work: () => void) => {
    const t = performance.now();
    work();
    return (performance.now() - t) / 1000;
  };
  const times = {
    llm: seconds(() => rebuildLlmAggregates(db)),
    trades: seconds(() => rebuildTradeAggregates(db, ZONE)),
  };
  db.close();
  return times;
}

async function startServer(file: string) {
  const server = spawn(process.execPath, SERVER_ARGS, {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", DATABASE_PATH: file },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

/**
 * The alert loop's round as the server reports it (/api/health `alerts.round_ms`): the one it ran while the pages
 * were timed, and the next (it checks every 30 s).
 */
async function alertRounds(): Promise<{ round: number; slowest: number }[]> {
  const read = async () =>
    (
      (await (await fetch(`http://127.0.0.1:${PORT}/api/health`)).json()) as {
        alerts: { checked_at: string | null; round_ms: number | null; slowest_rule_ms: number | null } | null;
      }
    ).alerts;
  const rounds: { round: number; slowest: number }[] = [];
  let seen: string | null = null;
  for (let waited = 0; rounds.length < 2 && waited < 70_000; waited += 250) {
    const alerts = await read();
    if (alerts?.checked_at && alerts.checked_at !== seen && alerts.round_ms !== null) {
      seen = alerts.checked_at;
      rounds.push({ round: alerts.round_ms, slowest: alerts.slowest_rule_ms ?? 0 });
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return rounds;
}

async function timeGet(p: string): Promise<{ first: number; times: number[] }> {
  const t0 = performance.now();
  await fetch(`http://127.0.0.1:${PORT}${p}`).then((r) => r.text());
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${PORT}${p}`);
    await response.text();
    if (!response.ok) throw new Error(`${p} answered ${response.status}`);
    times.push(performance.now() - t);
  }
  return { first, times };
}

function trading(file: string, days: number): Record<string, number> {
  const out = execFileSync("python3", ["-c", PYTHON, file, String(days), "3"], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .trim()
      .split("\n")
      .map((l) => [l.split(" ")[0]!, Number(l.split(" ")[1])]),
  );
}

/**
 * What Agent Desk adds to each of the trading system's INSERTs: the same inserts into copies of the file, in
 * alternating rounds (the disk's noise hits all alike). `with`: the file as Agent Desk leaves it;
 * `without`: the same file (WAL) without any of Agent Desk's objects, whose schema every new connection parses;
 * `original`: without them and in the rollback journal the trading system's file had before Agent Desk opened it.
 */
function insertOverhead(file: string) {
  const copies = {
    with: path.join(DIR, "insert-with.db"),
    without: path.join(DIR, "insert-without.db"),
    original: path.join(DIR, "insert-original.db"),
  };
  for (const copy of Object.values(copies)) fs.copyFileSync(file, copy);
  for (const copy of [copies.without, copies.original]) {
    const db = new Database(copy);
    const objects = db
      .prepare(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index', 'table') AND name LIKE 'agent_desk_%' ORDER BY type = 'table'",
      )
      .all() as { type: string; name: string }[];
    for (const { type, name } of objects) db.exec(`DROP ${type.toUpperCase()} IF EXISTS ${name}`);
    if (copy === copies.original) db.pragma("journal_mode = DELETE");
    db.close();
  }
  const time = (copy: string) => Number(execFileSync("python3", ["-c", INSERTS, copy, "400"], { encoding: "utf8" }));
  const rounds = { with: [] as number[], without: [] as number[], original: [] as number[] };
  for (let i = 0; i < 21; i++)
    for (const which of ["with", "without", "original"] as const) rounds[which].push(time(copies[which]));
  for (const copy of Object.values(copies)) fs.rmSync(copy);
  // Each round's copies share that moment's disk: the ratio within a round, then the median of those ratios.
  const ratios = (to: number[]) => rounds.with.map((ms, i) => ms / to[i]!);
  const added = ratios(rounds.without);
  return {
    with: median(rounds.with),
    without: median(rounds.without),
    original: median(rounds.original),
    added: median(added),
    addedQuartiles: [quantile(added, 0.25), quantile(added, 0.75)],
    againstOriginal: median(ratios(rounds.original)),
  };
}

function fileSizes(file: string) {
  const db = new Database(file, { readonly: true });
  const pages = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name").all() as {
    name: string;
    bytes: number;
  }[];
  db.close();
  return {
    total: fs.statSync(file).size,
    aggregates: pages.filter((p) => /^(sqlite_autoindex_)?agent_desk_/.test(p.name)).reduce((s, p) => s + p.bytes, 0),
  };
}

const median = (xs: number[]) => quantile(xs, 0.5);
const percent = (ratio: number) => `${ratio >= 1 ? "+" : "−"}${Math.abs((ratio - 1) * 100).toFixed(0)} %`;
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
