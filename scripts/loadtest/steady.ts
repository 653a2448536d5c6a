// npm run loadtest: Agent Desk beside a live trading system. The Python writer inserts LLM calls at 100/s plus
// trades and 7-day PnL updates, while 8 clients on loopback hit every page and API path of the production server.
// It passes when the writer saw no error, no answer was a 5xx, the API's totals equal what the writer committed
// (once the background count has caught up), and the WAL stayed bounded.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeLoadTestSection } from "../steps/benchmarks-file";
import { countInFile, quantile, settledTotals, startDesk, startWriter, waitForServer } from "./shared";

export const PATHS = [
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

export type Hit = { path: string; ms: number; status: number };

/**
 * `clients` loops over PATHS against `base` until `running()` says stop, `pauseMs` between requests; every answer is
 * kept.
 */
export function hitPaths(
  base: string,
  clients: number,
  running: () => boolean,
  paths = PATHS,
  pauseMs = 0,
): { hits: Hit[]; done: Promise<void> } {
  const hits: Hit[] = [];
  const client = async (offset: number) => {
    for (let i = offset; running(); i++) {
      const p = paths[i % paths.length]!;
      const t = performance.now();
      try {
        const response = await fetch(base + p);
        await response.arrayBuffer();
        hits.push({ path: p, ms: performance.now() - t, status: response.status });
      } catch {
        hits.push({ path: p, ms: performance.now() - t, status: 0 });
      }
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  return { hits, done: Promise.all(Array.from({ length: clients }, (_, i) => client(i * 3))).then(() => undefined) };
}

export async function steadyLoad({
  seconds,
  clients,
  rate,
  port,
  record,
}: {
  seconds: number;
  clients: number;
  rate: number;
  port: number;
  record: boolean;
}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-load-"));
  const file = path.join(dir, "live.db");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "30"], {
    stdio: "pipe",
  });
  const before = {
    llm: countInFile(file, "SELECT count(*) FROM llm_usage_log"),
    trades: countInFile(file, "SELECT count(*) FROM trades"),
  };

  const server = startDesk(file, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(base);
    console.log(
      `load test: ${seconds} s, Python writer at ${rate} calls/s plus trades and PnL updates, ${clients} clients on ${PATHS.length} paths`,
    );

    const writer = startWriter(file, seconds, rate);
    let running = true;
    let walMax = 0;
    const walWatch = setInterval(() => {
      walMax = Math.max(walMax, fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    }, 250);
    const started = performance.now();
    const load = hitPaths(base, clients, () => running);
    const { counts, stderr } = await writer;
    running = false;
    await load.done;
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(walWatch);

    const expected = { llm: before.llm + counts.llm, trades: before.trades + counts.trades };
    const api = await settledTotals(base, expected);
    const hits = load.hits;
    const failures: string[] = [];
    const serverErrors = hits.filter((h) => h.status >= 500 || h.status === 0);
    if (counts.errors !== 0 || stderr)
      failures.push(`the writer saw ${counts.errors} error(s): ${stderr.split("\n")[0] ?? ""}`);
    if (serverErrors.length > 0)
      failures.push(
        `${serverErrors.length} answer(s) were 5xx or failed: ${[...new Set(serverErrors.map((h) => `${h.path} ${h.status}`))].slice(0, 5).join(", ")}`,
      );
    if (api.llm !== expected.llm)
      failures.push(`the API counts ${api.llm} LLM calls, the file holds ${before.llm} + ${counts.llm} written`);
    if (api.trades !== expected.trades)
      failures.push(`the API counts ${api.trades} trades, the file holds ${before.trades} + ${counts.trades} written`);
    if (walMax > WAL_LIMIT_BYTES) failures.push(`the WAL grew to ${(walMax / 2 ** 20).toFixed(1)} MB`);

    const ms = hits.map((h) => h.ms);
    const report = [
      `writer: ${counts.llm} LLM calls (${(counts.llm / seconds).toFixed(0)}/s), ${counts.trades} trades, ${counts.pnl_updates} PnL updates, ${counts.errors} errors, slowest write ${counts.slowest_ms.toFixed(0)} ms`,
      `clients: ${hits.length} requests in ${elapsed.toFixed(1)} s (${(hits.length / elapsed).toFixed(1)}/s), p50 ${quantile(ms, 0.5).toFixed(0)} ms, p95 ${quantile(ms, 0.95).toFixed(0)} ms, p99 ${quantile(ms, 0.99).toFixed(0)} ms, ${serverErrors.length} 5xx/failed`,
      `totals: API ${api.llm} LLM calls and ${api.trades} trades; file ${expected.llm} and ${expected.trades}`,
      `WAL: at most ${(walMax / 2 ** 20).toFixed(1)} MB (journal mode ${countInFile(file, "SELECT journal_mode FROM pragma_journal_mode")})`,
    ];
    console.log(report.join("\n"));
    if (record) {
      writeLoadTestSection("Steady load", [
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${seconds} s, ${clients} clients, ${rate} calls/s; ${failures.length === 0 ? "passed" : "FAILED"}`,
        "",
        ...report.map((line) => `- ${line}`),
      ]);
    }
    return failures;
  } finally {
    server.kill("SIGTERM");
  }
}
