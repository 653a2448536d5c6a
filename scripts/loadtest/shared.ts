// What the load tests share: the trading system's Python writer, a production server, and timing its answers.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { SERVER_ARGS } from "../steps/serve";

// The Python writer (stdlib sqlite3, a new connection per insert, exactly as the trading system writes): LLM calls
// at `rate` a second, a trade every 100 calls, a 7-day PnL update every 150.
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

export type WriterCounts = { llm: number; trades: number; pnl_updates: number; errors: number; slowest_ms: number };

/** Starts the Python writer on `file` for `seconds`; resolves with what it committed and any error it printed. */
export function startWriter(
  file: string,
  seconds: number,
  rate: number,
): Promise<{ counts: WriterCounts; stderr: string }> {
  const writer = spawn("python3", ["-c", WRITER, file, String(seconds), String(rate)]);
  let written = "";
  let stderr = "";
  writer.stdout.on("data", (chunk) => (written += chunk));
  writer.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    writer.on("close", () =>
      resolve({ counts: JSON.parse(written.trim() || "{}") as WriterCounts, stderr: stderr.trim() }),
    ),
  );
}

/**
 * The production server over `file` on loopback (the production build), background count and all; its errors go to
 * `file`.log.
 */
export function startDesk(file: string, port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, SERVER_ARGS, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: file,
      AUTO_ROLLBACK: "off",
      DASHBOARD_PASSWORD: "",
      PUBLIC_DASHBOARD: "",
      ...env,
    },
    stdio: ["ignore", "ignore", fs.openSync(`${file}.log`, "a")],
  });
}

export async function waitForServer(base: string, seconds = 30): Promise<void> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

/** One GET, its time in ms; throws on anything but a 200. */
export async function timedGet(base: string, path: string): Promise<number> {
  const t = performance.now();
  const response = await fetch(base + path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - t;
}

/** The median time of `n` GETs of `path`, one after another. */
export async function medianGet(base: string, path: string, n = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await timedGet(base, path));
  return quantile(times, 0.5);
}

export function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** One figure read straight from the file, read-only. */
export function countInFile(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** What the API says the file holds: every LLM call and trade. */
export async function apiTotals(base: string): Promise<{ llm: number; trades: number }> {
  const [usage, stats] = await Promise.all([
    fetch(`${base}/api/llm/usage?days=3650`),
    fetch(`${base}/api/trades/stats`),
  ]);
  // 503: a file being adopted has not been counted back that far yet.
  if (!usage.ok || !stats.ok) return { llm: NaN, trades: NaN };
  const calls = Object.values(
    ((await usage.json()) as { provider_stats: Record<string, { total_requests: number }> }).provider_stats,
  );
  return {
    llm: calls.reduce((sum, p) => sum + p.total_requests, 0),
    trades: ((await stats.json()) as { total_trades: number }).total_trades,
  };
}

/**
 * The API's totals once the background count has caught up with what was written (it counts a moment behind the
 * file): asked until they equal `expected` or `seconds` pass, then returned as they are.
 */
export async function settledTotals(
  base: string,
  expected: { llm: number; trades: number },
  seconds = 60,
): Promise<{ llm: number; trades: number }> {
  let totals = await apiTotals(base);
  for (
    const end = Date.now() + seconds * 1000;
    Date.now() < end && (totals.llm !== expected.llm || totals.trades !== expected.trades);
  ) {
    await new Promise((r) => setTimeout(r, 250));
    totals = await apiTotals(base);
  }
  return totals;
}

/** The server's background count, as /api/health reports it. */
export type CountingState = {
  state: string;
  llm_calls_waiting: number;
  adopted_back_to: string | null;
  trade_changes_waiting: number;
  corrections_waiting: number;
};

export async function countingState(base: string): Promise<CountingState | null> {
  return ((await (await fetch(`${base}/api/health`)).json()) as { counting: CountingState | null }).counting;
}
