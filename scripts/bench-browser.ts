// npm run bench:browser (also the end of npm run bench): what each page costs in the browser, over the demo data.
// Debian's Chromium, every load cold and the CPU slowed 4× (steps/cold-page.ts), medians of 3; then the latency of
// three interactions as INP counts it. Writes its own section of BENCHMARKS.md.
import { spawn } from "node:child_process";
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { writeBrowserSection } from "./steps/benchmarks-file";
import { buildIfNeeded } from "./steps/build";
import { CHROMIUM_ARGS, chromiumPath } from "./steps/chromium";
import { measureInteraction, measureLoad, type Load } from "./steps/cold-page";

const PORT = 3191;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 3;
const PAGES = ["/", "/agents", "/agents/cio", "/costs", "/evolution", "/review", "/trades", "/system", "/alerts"];
const INTERACTIONS: { what: string; path: string; act: (page: Page) => Promise<void> }[] = [
  {
    what: "sort the leaderboard (`/agents`, the LLM cost heading)",
    path: "/agents",
    act: async (page) => {
      await page.getByRole("link", { name: "LLM cost", exact: true }).click();
      await page.waitForURL(/sort=cost/);
    },
  },
  {
    what: "group the charts by agent (`/costs`)",
    path: "/costs",
    act: async (page) => {
      await page.getByRole("navigation", { name: "Group the charts by" }).getByRole("link", { name: "Agent" }).click();
      await page.waitForURL(/by=agent/);
    },
  },
  {
    what: "filter the trade log to sells (`/trades`, the Filter button; the form loads a new document)",
    path: "/trades",
    act: async (page) => {
      await page.getByLabel("Action").selectOption("sell"); // sets the value without a trusted event: not counted
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/action=sell/);
    },
  },
];

async function main() {
  buildIfNeeded();
  const stopServer = await startDemoServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // Round after round over every page, so a busy moment of the machine spreads over the pages alike.
    const loads = new Map<string, Load[]>(PAGES.map((p) => [p, []]));
    for (let run = 0; run < RUNS; run++)
      for (const p of PAGES) {
        const load = await measureLoad(browser, BASE + p);
        loads.get(p)!.push(load);
        console.log(
          `${p}: LCP ${round(load.lcpMs)} ms, TBT ${round(load.tbtMs)} ms (${round(load.fromStartMs)} from navigation start), JS ${kib(load.jsBytes)} KiB`,
        );
      }
    const latencies = new Map<string, number[]>(INTERACTIONS.map((i) => [i.what, []]));
    for (let run = 0; run < RUNS; run++)
      for (const { what, path, act } of INTERACTIONS) {
        const latency = await measureInteraction(browser, BASE + path, act);
        latencies.get(what)!.push(latency);
        console.log(`${what}: ${inp(latency)} ms`);
      }
    const section = report(browser.version(), loads, latencies);
    writeBrowserSection(section);
    console.log(`${section}\nwritten to BENCHMARKS.md`);
  } finally {
    await browser.close();
    await stopServer();
  }
}

/** e2e/serve.ts over a fresh demo file (e2e/.data/bench-browser.db); every page asked once, so the server is warm. */
async function startDemoServer(): Promise<() => Promise<void>> {
  const server = spawn(process.execPath, ["--import", "tsx", "e2e/serve.ts", "bench-browser", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const stop = async () => {
    server.kill("SIGTERM");
    await exited;
  };
  for (let waited = 0; ; waited += 500) {
    const health = await fetch(`${BASE}/api/health`)
      .then((r) => r.json() as Promise<{ counting: { state: string } | null }>)
      .catch(() => null);
    // Until the file is counted, pages show "still being counted" and look again every 3 s.
    if (health && (health.counting?.state ?? "current") === "current") break;
    if (waited > 300_000 || server.exitCode !== null) {
      await stop();
      throw new Error("the demo server did not start, or did not finish counting its file");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const p of PAGES) await fetch(BASE + p).then((r) => r.text());
  return stop;
}

function report(chromiumVersion: string, loads: Map<string, Load[]>, latencies: Map<string, number[]>): string {
  const medianOf = (list: Load[], key: keyof Load) => median(list.map((l) => l[key]));
  return [
    "## In the browser (npm run bench:browser)",
    "",
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Chromium ${chromiumVersion} (Debian's, headless), ${new Date().toISOString().slice(0, 10)}. The demo data (a fresh file, \`e2e/serve.ts\`), production build, server warmed by one request per page. Every load in a new browser context (empty cache), 1280×720, English, the CPU slowed 4× (CDP \`Emulation.setCPUThrottlingRate\`); median of ${RUNS} loads, each figure on its own.`,
    "",
    "- LCP: the last `largest-contentful-paint` entry.",
    "- TBT: as Lighthouse computes it: every `longtask` entry clipped to the window from the first contentful paint (`paint` entry) until the page is idle, and what it lasts beyond 50 ms summed. Idle: the load event passed, then 3 s with no long task and no request starting or ending (the window ends where those 3 s begin). “From navigation start”: the same sum over whole tasks from navigation start, as the first run of this benchmark and the issue's table counted it: it adds what runs before anything is painted (a new renderer process committing its document, the first style and layout).",
    "- Long tasks: those that end after the first contentful paint.",
    "- JS: Resource Timing `encodedBodySize` (the body as sent, compressed, without headers) summed over every `.js` response in that window; `decodedBodySize` beside it. 1 KiB = 1,024 bytes.",
    "- INP: one click on the page loaded as above and idle; the longest Event Timing entry of that interaction (`PerformanceObserver` type `event`, `durationThreshold` 16, read in the page) until the page is idle again; median of 3. “< 16” when no entry reached 16 ms.",
    "",
    "| page | LCP ms | TBT ms | the 3 runs | from navigation start | long tasks | JS KiB compressed | JS KiB uncompressed |",
    "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ...[...loads].map(
      ([p, list]) =>
        `| \`${p}\` | ${round(medianOf(list, "lcpMs"))} | ${round(medianOf(list, "tbtMs"))} | ${list.map((l) => round(l.tbtMs)).join(", ")} | ${round(medianOf(list, "fromStartMs"))} | ${medianOf(list, "longTasks")} | ${kib(medianOf(list, "jsBytes"))} | ${kib(medianOf(list, "jsBytesDecoded"))} |`,
    ),
    "",
    "| interaction | INP ms | the 3 runs |",
    "| --- | ---: | --- |",
    ...[...latencies].map(([what, list]) => `| ${what} | ${inp(median(list))} | ${list.map(inp).join(", ")} |`),
  ].join("\n");
}

const round = (value: number) => Math.round(value).toLocaleString("en-US");
const kib = (bytes: number) => round(bytes / 1024);
const inp = (value: number) => (value === 0 ? "< 16" : round(value));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
