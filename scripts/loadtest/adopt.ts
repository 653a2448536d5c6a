// npm run loadtest -- --adopt: `npm start` on a fresh 10M-call file the trading system is writing into. Passes when
// the first page answers within 10 s of the start, the Python writer keeps 95 % of its pace with no error while
// Agent Desk backs the file up, migrates it and counts it in the background, and the totals are exact at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { writeLoadTestSection } from "../steps/benchmarks-file";
import { tradingSystemFile, workingCopy } from "./big-file";
import { countingState, countInFile, quantile, settledTotals, startWriter } from "./shared";
import { hitPaths } from "./steady";

const FIRST_PAGE_LIMIT_S = 10;
const MIN_PACE = 0.95;
// Pages timed while the background count runs and once it is done.
const PAGES = ["/", "/costs", "/agents", "/trades", "/system", "/api/llm/usage?days=7"];

// Two operators clicking through pages (a second between answers) while the file is adopted; the steady mode has
// eight clients without pause on a counted file.
const ADOPT_CLIENTS = 2;
const PAUSE_MS = 1000;

export async function adoptLoad({
  seconds,
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
  const clients = ADOPT_CLIENTS;
  const { dir, file } = workingCopy(tradingSystemFile(), "trading_records.db");
  const before = {
    llm: countInFile(file, "SELECT count(*) FROM llm_usage_log"),
    trades: countInFile(file, "SELECT count(*) FROM trades"),
  };
  const base = `http://127.0.0.1:${port}`;
  const duration = Math.max(seconds, 240);
  console.log(
    `adopt: ${before.llm.toLocaleString("en-US")} LLM calls; the Python writer at ${rate} calls/s for ${duration} s; npm start after 2 s`,
  );
  const writer = startWriter(file, duration, rate);
  await new Promise((r) => setTimeout(r, 2000));

  const started = performance.now();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_PATH: file,
      PORT: String(port),
      AUTO_ROLLBACK: "off",
      DASHBOARD_PASSWORD: "",
      PUBLIC_DASHBOARD: "",
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    const firstPage = await firstAnswer(`${base}/`, 120);
    console.log(`first page after ${firstPage.toFixed(1)} s`);
    let counted: number | null = null;
    let figures: number | null = null; // when / first answered with its figures: migrated, and the last 60 days counted
    let running = true;
    const load = hitPaths(base, clients, () => running, PAGES, PAUSE_MS);
    const stamped = () => load.hits.length;
    let duringUpTo = 0;
    while (counted === null && (performance.now() - started) / 1000 < duration) {
      await new Promise((r) => setTimeout(r, 1000));
      const state = await countingState(base).catch(() => null);
      const at = (performance.now() - started) / 1000;
      if (Math.round(at) % 10 === 0 && state)
        console.log(
          `  ${at.toFixed(0)} s: ${state.state}, LLM counted back to ${state.adopted_back_to ?? "the start"}, ${state.trade_changes_waiting} trade changes waiting`,
        );
      if (state?.state === "current") [counted, duringUpTo] = [at, stamped()];
      if (figures === null && !/being migrated|still being counted/.test(await (await fetch(`${base}/`)).text()))
        figures = (performance.now() - started) / 1000;
    }
    const { counts, stderr } = await writer;
    running = false;
    await load.done;
    const expected = { llm: before.llm + counts.llm, trades: before.trades + counts.trades };
    const api = await settledTotals(base, expected);

    const during = load.hits.slice(0, duringUpTo || load.hits.length).map((h) => h.ms);
    const after = load.hits.slice(duringUpTo || load.hits.length).map((h) => h.ms);
    // 503 is the API's "this period is still being counted" (with Retry-After); anything else 5xx is a failure.
    const counting = load.hits.filter((h) => h.status === 503);
    const errors = load.hits.filter((h) => (h.status >= 500 && h.status !== 503) || h.status === 0);
    const pace = counts.llm / (duration * rate);
    const failures: string[] = [];
    if (firstPage > FIRST_PAGE_LIMIT_S)
      failures.push(`the first page answered after ${firstPage.toFixed(1)} s (limit ${FIRST_PAGE_LIMIT_S} s)`);
    if (counts.errors > 0 || stderr)
      failures.push(`the writer saw ${counts.errors} error(s): ${stderr.split("\n")[0] ?? ""}`);
    if (pace < MIN_PACE)
      failures.push(`the writer kept ${(pace * 100).toFixed(1)} % of its pace (at least ${MIN_PACE * 100} %)`);
    if (counted === null) failures.push(`the background count had not caught up after ${duration} s`);
    if (errors.length > 0)
      failures.push(
        `${errors.length} answer(s) were 5xx or failed: ${[...new Set(errors.map((h) => `${h.path} ${h.status}`))].slice(0, 6).join(", ")}`,
      );
    if (api.llm !== expected.llm || api.trades !== expected.trades)
      failures.push(
        `the API counts ${api.llm} calls and ${api.trades} trades; the file holds ${expected.llm} and ${expected.trades}`,
      );

    const report = [
      `file: ${before.llm.toLocaleString("en-US")} LLM calls, ${before.trades.toLocaleString("en-US")} trades, as the trading system has it (no Agent Desk objects, rollback journal)`,
      `first page (/) ${firstPage.toFixed(1)} s after npm start, saying the file is being backed up and migrated; with its figures (the last 30 days and the 30 before, every trade) after ${figures === null ? "—" : `${figures.toFixed(0)} s`}; every call counted after ${counted === null ? "—" : `${counted.toFixed(0)} s`}`,
      `writer: ${counts.llm} LLM calls in ${duration} s (${(pace * 100).toFixed(1)} % of ${rate}/s), ${counts.trades} trades, ${counts.errors} errors, slowest write ${counts.slowest_ms.toFixed(0)} ms`,
      `pages while counting: ${during.length} answers, p50 ${quantile(during, 0.5).toFixed(0)} ms, p95 ${quantile(during, 0.95).toFixed(0)} ms; after: ${after.length} answers, p50 ${quantile(after, 0.5).toFixed(0)} ms, p95 ${quantile(after, 0.95).toFixed(0)} ms; ${counting.length} API answers 503 "still being counted", ${errors.length} other 5xx/failed`,
      `totals: API ${api.llm} LLM calls and ${api.trades} trades; file ${expected.llm} and ${expected.trades}`,
    ];
    console.log(report.join("\n"));
    if (record)
      writeLoadTestSection("Adopting a 10M-call file while the trading system writes (--adopt)", [
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${clients} clients; ${failures.length === 0 ? "passed" : "FAILED"}`,
        "",
        ...report.map((l) => `- ${l}`),
      ]);
    return failures;
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds until `url` first answers 200. */
async function firstAnswer(url: string, limitSeconds: number): Promise<number> {
  const started = performance.now();
  while ((performance.now() - started) / 1000 < limitSeconds) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return (performance.now() - started) / 1000;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${limitSeconds} s`);
}
