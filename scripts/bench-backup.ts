// Times `npm run db:backup` on a large file, quiet and then beside the trading system's writer (a new connection per
// insert, as it writes, at --rate calls/s), round after round. Issue #13's bar: beside the writer the backup finishes
// within 2× its quiet time, and the writer sees no error. Exits non-zero when either fails.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { readArgs, runCli, UsageError } from "./cli";

const USAGE = "npm run bench:backup -- [--calls 10000000] [--rate 100] [--rounds 3]";
const DIR = path.resolve(".bench");
const TRADES = 100_000;
const MAX_RATIO = 2;

const WRITER = `
import contextlib, signal, sqlite3, sys, time
db, rate = sys.argv[1], float(sys.argv[2])
stopping = []
signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
inserted, errors, slowest, tries, start = 0, 0, 0.0, 0, time.time()
print("writing", flush=True)
while not stopping:
    began = time.perf_counter()
    try:
        with contextlib.closing(sqlite3.connect(db)) as c, c:   # a new connection per write, default 5 s timeout
            c.execute("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) "
                      "VALUES (datetime('now'), 'cio', 'claude', 'opus-4.1', 1500, 0.09, 9000.5, 'final_decision', 1)")
        inserted += 1
    except sqlite3.Error as e:
        errors += 1
        print(repr(e), file=sys.stderr)
    slowest = max(slowest, (time.perf_counter() - began) * 1000)
    tries += 1
    time.sleep(max(0.0, start + tries / rate - time.time()))
print(inserted, errors, round(slowest, 1))
`;

type WriterReport = { inserted: number; errors: number; slowestMs: number };

runCli(async () => {
  const text = { type: "string" } as const;
  const args = readArgs({ calls: text, rate: text, rounds: text }, USAGE);
  const calls = count(args.calls ?? "10000000", "--calls");
  const rate = count(args.rate ?? "100", "--rate");
  const rounds = count(args.rounds ?? "3", "--rounds");
  const file = benchFile(calls);
  const quiet: number[] = [];
  const beside: number[] = [];
  const writers: WriterReport[] = [];
  let walBytes = 0;
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round}/${rounds}: quiet`);
    quiet.push((await timeBackup(file)).seconds);
    console.log(`round ${round}/${rounds}: beside the writer at ${rate} calls/s`);
    const writer = startWriter(file, rate);
    await writer.writing;
    await new Promise((r) => setTimeout(r, 1000));
    const run = await timeBackup(file);
    beside.push(run.seconds);
    walBytes = Math.max(walBytes, run.walBytes);
    writers.push(await writer.stop());
  }
  const ratio = median(beside) / median(quiet);
  const errors = writers.reduce((sum, w) => sum + w.errors, 0);
  console.log(`\n${path.basename(file)} (${(fs.statSync(file).size / 2 ** 30).toFixed(2)} GiB), ${rounds} rounds`);
  console.log(`  quiet:  median ${median(quiet).toFixed(1)} s (${quiet.map((s) => s.toFixed(1)).join(", ")})`);
  console.log(
    `  beside: median ${median(beside).toFixed(1)} s (${beside.map((s) => s.toFixed(1)).join(", ")}); ratio ${ratio.toFixed(2)} (limit ${MAX_RATIO})`,
  );
  console.log(
    `  writer: ${writers.reduce((sum, w) => sum + w.inserted, 0).toLocaleString("en-US")} inserts, ${errors} errors, slowest insert ` +
      `${Math.max(...writers.map((w) => w.slowestMs))} ms; WAL up to ${(walBytes / 2 ** 20).toFixed(1)} MiB`,
  );
  if (ratio > MAX_RATIO || errors > 0) {
    console.error(
      `FAIL: ${ratio > MAX_RATIO ? `the backup beside the writer took ${ratio.toFixed(2)}× its quiet time` : ""}${ratio > MAX_RATIO && errors > 0 ? "; " : ""}${errors > 0 ? `${errors} writer errors` : ""}`,
    );
    process.exitCode = 1;
  }
});

/** The cached file with `calls` LLM calls, seeded (as npm run bench seeds its own) on the first run. */
function benchFile(calls: number): string {
  const file = path.join(DIR, `backup-llm-${calls}-trades-${TRADES}.db`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DIR, { recursive: true });
    const args = ["--db", file, "--days", "365", "--llm-rows", String(calls), "--trades", String(TRADES)];
    execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", ...args], { stdio: "inherit" });
  }
  return file;
}

/** Wall time of the real command, start to exit, and the largest the -wal grew meanwhile; the copy is deleted. */
async function timeBackup(file: string): Promise<{ seconds: number; walBytes: number }> {
  const out = path.join(DIR, "backup-copies", `${path.basename(file, ".db")}-copy.db`);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const started = performance.now();
  const backup = spawn(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", "--db", file, "--out", out], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  let walBytes = 0;
  // The copy's snapshot keeps the writer's checkpoints from starting the -wal over: watch how far it grows.
  const watch = setInterval(
    () => (walBytes = Math.max(walBytes, fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)),
    100,
  );
  const status = await new Promise<number | null>((resolve) => backup.on("close", resolve));
  clearInterval(watch);
  const seconds = (performance.now() - started) / 1000;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  if (status !== 0) throw new UsageError(`npm run db:backup failed (exit ${status})`);
  return { seconds, walBytes };
}

function startWriter(file: string, rate: number) {
  const python = spawn("python3", ["-c", WRITER, file, String(rate)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const writing = new Promise<void>((resolve) => python.stdout.on("data", (chunk) => ((out += chunk), resolve())));
  const closed = new Promise<void>((resolve) => python.on("close", () => resolve()));
  const stop = async (): Promise<WriterReport> => {
    python.kill("SIGTERM");
    await closed;
    const [inserted, errors, slowestMs] = out.trim().split("\n").at(-1)!.split(" ").map(Number);
    return { inserted: inserted!, errors: errors!, slowestMs: slowestMs! };
  };
  return { writing, stop };
}

function count(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} '${value}' is not a whole number, 1 or more\nusage: ${USAGE}`);
  return Number(value);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
