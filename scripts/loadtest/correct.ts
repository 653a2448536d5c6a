// npm run loadtest -- --correct: the trading system corrects one counted LLM call in a 10M-call file while it keeps
// writing. Passes when the correction is counted and the pages are as fast as before within 30 s, exactly.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { migrateFile } from "@/migrations/migrate-file";
import { writeLoadTestSection } from "../steps/benchmarks-file";
import { benchFile, workingCopy } from "./big-file";
import { countInFile, countingState, medianGet, startDesk, startWriter, waitForServer } from "./shared";

const BACK_WITHIN_S = 30;
// Slower than this many times the median before the correction is not "back to normal".
const NORMAL = 1.5;
const TIMED = ["/costs?days=30", "/costs?days=365", "/", "/system"];

export async function correctLoad({ rate, port, record }: { rate: number; port: number; record: boolean }) {
  const { dir, file } = workingCopy(benchFile(), "trading_records.db");
  await migrateFile(file, { log: () => {}, timeZone: "Asia/Seoul" }); // as the bench leaves it: migrated and counted
  const server = startDesk(file, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base, 60);
    const writer = startWriter(file, 60, rate);
    const before = await mediansOf(base);
    // The correction: a counted call in the middle of the log, as the trading system's data fixes do it.
    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as c: c.execute('UPDATE llm_usage_log SET cost_usd = cost_usd + 0.5 WHERE id = (SELECT max(id) / 2 FROM llm_usage_log)')",
      file,
    ]);
    const corrected = performance.now();
    let recounted: number | null = null;
    // The status is refreshed every half second when idle: trust a 0 only once it is younger than the correction.
    await new Promise((r) => setTimeout(r, 600));
    while (recounted === null && performance.now() - corrected < BACK_WITHIN_S * 1000) {
      const state = await countingState(base);
      if (state && state.corrections_waiting === 0) recounted = (performance.now() - corrected) / 1000;
      else await new Promise((r) => setTimeout(r, 100));
    }
    const after = await mediansOf(base);
    const back = (performance.now() - corrected) / 1000;
    const { counts, stderr } = await writer;
    const cost = await costsAgree(base, file).catch((error: Error) => {
      console.error(fs.readFileSync(`${file}.log`, "utf8").slice(-2000));
      throw error;
    });

    const failures: string[] = [];
    if (recounted === null) failures.push(`the correction was not counted within ${BACK_WITHIN_S} s`);
    for (const p of TIMED)
      if (after[p]! > before[p]! * NORMAL && after[p]! - before[p]! > 20)
        failures.push(`${p}: ${after[p]!.toFixed(0)} ms after, ${before[p]!.toFixed(0)} ms before`);
    if (back > BACK_WITHIN_S)
      failures.push(`pages were timed ${back.toFixed(0)} s after the correction (limit ${BACK_WITHIN_S} s)`);
    if (Math.abs(cost.api - cost.file) >= 1e-6)
      failures.push(`the API's total cost is ${cost.api.toFixed(6)} USD, the file's ${cost.file.toFixed(6)}`);
    if (counts.errors > 0 || stderr)
      failures.push(`the writer saw ${counts.errors} error(s): ${stderr.split("\n")[0] ?? ""}`);

    const report = [
      `one counted call of ${fileCalls(file)} corrected (cost + 0.5 USD) while the Python writer inserts ${rate} calls/s: counted again within ${recounted === null ? "—" : `${recounted.toFixed(1)} s`} (the status is read every 0.1 s after 0.6 s)`,
      ...TIMED.map(
        (p) =>
          `${p}: median of 15 loads ${before[p]!.toFixed(0)} ms before, ${after[p]!.toFixed(0)} ms right after the recount`,
      ),
      `total cost over all time: API ${cost.api.toFixed(4)} USD, file ${cost.file.toFixed(4)} USD; writer ${counts.llm} calls, ${counts.errors} errors`,
    ];
    console.log(report.join("\n"));
    if (record)
      writeLoadTestSection("A corrected call in a 10M-call file (--correct)", [
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${failures.length === 0 ? "passed" : "FAILED"}`,
        "",
        ...report.map((l) => `- ${l}`),
      ]);
    return failures;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The API's total cost over all time against the file's, once the background count has caught up (or 30 s). */
async function costsAgree(base: string, file: string): Promise<{ api: number; file: number }> {
  let result = { api: NaN, file: NaN };
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const usage = (await (await fetch(`${base}/api/llm/usage?days=3650`)).json()) as {
      provider_stats: Record<string, { total_cost: number }>;
    };
    result = {
      api: Object.values(usage.provider_stats).reduce((sum, p) => sum + p.total_cost, 0),
      file: countInFile(file, "SELECT total(cost_usd) FROM llm_usage_log"),
    };
    if (Math.abs(result.api - result.file) < 1e-6) break;
  }
  return result;
}

function fileCalls(file: string): string {
  return countInFile(file, "SELECT max(id) FROM llm_usage_log").toLocaleString("en-US");
}

/** The median of 15 loads of each timed path, one path after another. */
async function mediansOf(base: string): Promise<Record<string, number>> {
  const medians: Record<string, number> = {};
  for (const p of TIMED) medians[p] = await medianGet(base, p);
  return medians;
}
