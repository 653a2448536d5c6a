// npm run loadtest: Agent Desk beside a live trading system. A Python writer (stdlib sqlite3, a new connection per
// insert, exactly as the trading system writes) inserts LLM calls at 100/s plus trades and 7-day PnL updates,
// while 8 clients on loopback hit every page and API path of the production server. It passes when the writer saw
// no error, no answer was a 5xx, the API's totals equal what the writer committed, and the WAL stayed bounded.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { writeLoadTestSection } from "./steps/benchmarks-file";
import { buildIfNeeded } from "./steps/build";
import { readArgs, runCli } from "./cli";

const PATHS = [
  "/",
  "/?days=7",
  "/agents",
  "/agents/cio",
  "/costs",
  "/costs?by=model",
  "/trades",
  "/trades?pnl=known&action=buy",
  "/system",
  "/evolution",
  "/review",
  "/api/health",
  "/api/llm/usage?days=7",
  "/api/llm/usage?days=365",
  "/api/llm/breakdown?days=30",
  "/api/agents/contribution",
  "/api/agents/underperforming?min_trades=5",
  "/api/agents/performance?days=30",
  "/api/agents/mapping",
  "/api/trades/stats",
  "/api/evolution",
  "/api/system/metrics?days=30",
];
const WAL_LIMIT_BYTES = 64 * 2 ** 20;

const WRITER = `
import contextlib, json, random, sqlite3, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
db, seconds, rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
counts = {"llm": 0, "trades": 0, "pnl_updates": 0, "errors": 0, "slowest_ms": 0.0}
def write(sql, args):
    started = time.perf_counter()
    try:
        with contextlib.closing(sqlite3.connect(db)) as c, c:   # a new connection per write, default 5 s timeout
            c.execute(sql, args)
        return True
    except sqlite3.Error as e:
        counts["errors"] += 1
        print(repr(e), file=sys.stderr)
        return False
    finally:
        counts["slowest_ms"] = max(counts["slowest_ms"], (time.perf_counter() - started) * 1000)
start = time.time()
i = 0
while time.time() - start < seconds:
    now = datetime.now(ZoneInfo("Asia/Seoul")).replace(tzinfo=None).isoformat()
    ok = random.random() > 0.03
    if write("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) "
             "VALUES (?, ?, 'claude', 'opus-4.1', ?, ?, ?, 'final_decision', ?, ?)",
             (now, random.choice(["cio", "technical_analyst", "risk_analyst"]), random.randint(500, 4000), round(random.uniform(0.001, 0.2), 6),
              random.uniform(300, 20000), 1 if ok else 0, None if ok else "Error code: 529 - overloaded")):
        counts["llm"] += 1
    i += 1
    if i % 100 == 0 and write("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, "
                              "agent_contributions, decision_confidence) VALUES (?, ?, '005930', 'buy', 1, 70000, '부하 시험', '{}', '{}', ?, 0.7)",
                              (f"LOAD-{i}", now, json.dumps({"cio": 0.5, "technical_analyst": 0.3, "risk_analyst": float("nan")}))):
        counts["trades"] += 1
    if i % 150 == 0 and counts["trades"] > 0 and write("UPDATE trades SET pnl_7_days = ? WHERE trade_id = ?", (random.uniform(-50000, 50000), f"LOAD-{100 * random.randint(1, counts['trades'])}")):
        counts["pnl_updates"] += 1
    time.sleep(max(0.0, start + i / rate - time.time()))
print(json.dumps(counts))
`;

type Hit = { path: string; ms: number; status: number };

runCli(async () => {
  const args = readArgs(
    { seconds: { type: "string" }, clients: { type: "string" }, rate: { type: "string" }, port: { type: "string" }, record: { type: "boolean" } },
    "npm run loadtest -- [--seconds 60] [--clients 8] [--rate 100] [--port 3195] [--record]",
  );
  const seconds = Number(args.seconds ?? 60);
  const clients = Number(args.clients ?? 8);
  const rate = Number(args.rate ?? 100);
  const port = Number(args.port ?? 3195);
  buildIfNeeded();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-load-"));
  const file = path.join(dir, "live.db");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "30"], { stdio: "pipe" });
  const count = (sql: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).pluck().get() as number;
    } finally {
      db.close();
    }
  };
  const before = { llm: count("SELECT count(*) FROM llm_usage_log"), trades: count("SELECT count(*) FROM trades") };

  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, DATABASE_PATH: file, AUTO_ROLLBACK: "off", DASHBOARD_PASSWORD: "", PUBLIC_DASHBOARD: "" },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base);
    console.log(`load test: ${seconds} s, Python writer at ${rate} calls/s plus trades and PnL updates, ${clients} clients on ${PATHS.length} paths`);

    const writer = spawn("python3", ["-c", WRITER, file, String(seconds), String(rate)]);
    let written = "";
    let writerErrors = "";
    writer.stdout.on("data", (chunk) => (written += chunk));
    writer.stderr.on("data", (chunk) => (writerErrors += chunk));
    const writerDone = new Promise<void>((resolve) => writer.on("close", () => resolve()));

    let running = true;
    let walMax = 0;
    const walWatch = setInterval(() => {
      walMax = Math.max(walMax, fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    }, 250);
    const hits: Hit[] = [];
    const started = performance.now();
    const client = async (offset: number) => {
      for (let i = offset; running; i++) {
        const p = PATHS[i % PATHS.length]!;
        const t = performance.now();
        try {
          const response = await fetch(base + p);
          await response.arrayBuffer();
          hits.push({ path: p, ms: performance.now() - t, status: response.status });
        } catch {
          hits.push({ path: p, ms: performance.now() - t, status: 0 });
        }
      }
    };
    const loads = Array.from({ length: clients }, (_, i) => client(i * 3));
    await writerDone;
    running = false;
    await Promise.all(loads);
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(walWatch);

    const counts = JSON.parse(written.trim() || "{}") as { llm: number; trades: number; pnl_updates: number; errors: number; slowest_ms: number };
    const usage = (await (await fetch(`${base}/api/llm/usage?days=3650`)).json()) as { provider_stats: Record<string, { total_requests: number }> };
    const apiCalls = Object.values(usage.provider_stats).reduce((sum, p) => sum + p.total_requests, 0);
    const apiTrades = ((await (await fetch(`${base}/api/trades/stats`)).json()) as { total_trades: number }).total_trades;

    const failures: string[] = [];
    const serverErrors = hits.filter((h) => h.status >= 500 || h.status === 0);
    if (counts.errors !== 0 || writerErrors.trim()) failures.push(`the writer saw ${counts.errors} error(s): ${writerErrors.trim().split("\n")[0] ?? ""}`);
    if (serverErrors.length > 0) failures.push(`${serverErrors.length} answer(s) were 5xx or failed: ${[...new Set(serverErrors.map((h) => `${h.path} ${h.status}`))].slice(0, 5).join(", ")}`);
    if (apiCalls !== before.llm + counts.llm) failures.push(`the API counts ${apiCalls} LLM calls, the file holds ${before.llm} + ${counts.llm} written`);
    if (apiTrades !== before.trades + counts.trades) failures.push(`the API counts ${apiTrades} trades, the file holds ${before.trades} + ${counts.trades} written`);
    if (walMax > WAL_LIMIT_BYTES) failures.push(`the WAL grew to ${(walMax / 2 ** 20).toFixed(1)} MB`);

    const ms = hits.map((h) => h.ms).sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)] ?? 0;
    const report = [
        `writer: ${counts.llm} LLM calls (${(counts.llm / seconds).toFixed(0)}/s), ${counts.trades} trades, ${counts.pnl_updates} PnL updates, ${counts.errors} errors, slowest write ${counts.slowest_ms.toFixed(0)} ms`,
        `clients: ${hits.length} requests in ${elapsed.toFixed(1)} s (${(hits.length / elapsed).toFixed(1)}/s), p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, p99 ${q(0.99).toFixed(0)} ms, ${serverErrors.length} 5xx/failed`,
        `totals: API ${apiCalls} LLM calls and ${apiTrades} trades; file ${before.llm + counts.llm} and ${before.trades + counts.trades}`,
        `WAL: at most ${(walMax / 2 ** 20).toFixed(1)} MB (journal mode ${journalMode(file)})`,
    ];
    console.log(report.join("\n"));
    if (args.record) {
      writeLoadTestSection([
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${seconds} s, ${clients} clients, ${rate} calls/s; ${failures.length === 0 ? "passed" : "FAILED"}`,
        "",
        ...report.map((line) => `- ${line}`),
      ]);
    }
    if (failures.length > 0) {
      console.error(`load test failed:\n- ${failures.join("\n- ")}`);
      process.exitCode = 1;
    } else console.log("load test passed");
  } finally {
    server.kill("SIGTERM");
  }
});

function journalMode(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma("journal_mode", { simple: true }));
  } finally {
    db.close();
  }
}

async function waitForServer(base: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}
