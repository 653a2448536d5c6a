// One page as the browser part of the benchmarks sees it: a new browser context (empty cache, no cookies), the CPU
// slowed 4× through the DevTools protocol, and what the page's own performance timeline reports.
import type { Browser, Page } from "@playwright/test";

const CPU_SLOWDOWN = 4;
// The page is idle once this long has passed after the load event with no long task and no request starting or
// ending (Lighthouse's TTI waits 5 s; nothing on these pages runs on a timer once the file is counted).
const QUIET_MS = 3000;
const POLL_MS = 100;
const GIVE_UP_MS = 60_000;
const LONG_TASK_MS = 50;

// A string, not a function: the helpers the TypeScript transpiler adds to functions do not exist in the page.
// Event Timing entries go to the bench at once, through a binding: the trade log's filter is a form whose submission
// replaces the document, and the old document's entries would go with it.
const OBSERVE = `
window.__bench = { longTasks: [], lcp: null, fcp: null };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: "longtask", buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__bench.fcp = e.startTime;
}).observe({ type: "paint", buffered: true });
new PerformanceObserver((list) => {
  window.__bench.lcp = list.getEntries().at(-1).startTime;
}).observe({ type: "largest-contentful-paint", buffered: true });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.interactionId) window.__benchEvent(e.duration);
}).observe({ type: "event", durationThreshold: 16, buffered: true });
`;

// Every .js response of the document so far: Resource Timing's sizes of the body as sent (compressed, no headers)
// and as decoded; transferSize 0 with a body means it came from a cache.
const SCRIPTS = `performance.getEntriesByType("resource")
  .filter((e) => new URL(e.name).pathname.endsWith(".js"))
  .map((e) => ({ url: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize }))`;

export type Load = {
  lcpMs: number;
  tbtMs: number;
  /** the same sum over whole tasks from navigation start (this benchmark's first table, and the issue's) */
  fromStartMs: number;
  longTasks: number;
  jsBytes: number;
  jsBytesDecoded: number;
};

type LongTask = { start: number; duration: number };

/**
 * Total blocking time as Lighthouse computes it: each long task clipped to the window from the first contentful
 * paint on (nothing can be clicked before it), and what it lasts beyond 50 ms summed. `fromStart` sums whole tasks
 * from navigation start instead.
 */
export function blockingTime(tasks: LongTask[], fcp: number): { tbt: number; fromStart: number } {
  const excess = (ms: number) => Math.max(0, ms - LONG_TASK_MS);
  let [tbt, fromStart] = [0, 0];
  for (const { start, duration } of tasks) {
    tbt += excess(start + duration - Math.max(start, fcp));
    fromStart += excess(duration);
  }
  return { tbt, fromStart };
}

type ColdPage = { page: Page; eventDurations: number[]; settle: () => Promise<void>; close: () => Promise<void> };

/** Loads `url` cold at 4× slowdown and waits until the page is idle. */
async function openCold(browser: Browser, url: string): Promise<ColdPage> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const eventDurations: number[] = [];
  await page.exposeFunction("__benchEvent", (duration: number) => eventDurations.push(duration));
  await page.addInitScript(OBSERVE);
  const network = { inFlight: 0, changedAt: Date.now() };
  const change = (by: number) => () =>
    Object.assign(network, { inFlight: network.inFlight + by, changedAt: Date.now() });
  page.on("request", change(1));
  page.on("requestfinished", change(-1));
  page.on("requestfailed", change(-1));

  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok() || page.url() !== url) throw new Error(`${url} answered ${response?.status()} at ${page.url()}`);
  const settle = async () => {
    const started = Date.now();
    let [tasks, quietSince] = [-1, Date.now()];
    while (Date.now() - quietSince < QUIET_MS) {
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`${page.url()} was not idle after ${GIVE_UP_MS} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
      // Answers only between the page's tasks, so a task still running holds the quiet stretch back too.
      const now = (await page.evaluate("window.__bench.longTasks.length")) as number;
      if (now !== tasks || network.inFlight > 0 || network.changedAt > quietSince)
        [tasks, quietSince] = [now, Date.now()];
    }
  };
  await settle();
  return { page, eventDurations, settle, close: () => context.close() };
}

/** LCP, total blocking time and JavaScript bytes of one cold load of `url`, from navigation start until idle. */
export async function measureLoad(browser: Browser, url: string): Promise<Load> {
  const { page, close } = await openCold(browser, url);
  try {
    const { longTasks, lcp, fcp } = (await page.evaluate("window.__bench")) as {
      longTasks: LongTask[];
      lcp: number | null;
      fcp: number | null;
    };
    const scripts = (await page.evaluate(SCRIPTS)) as {
      url: string;
      encoded: number;
      decoded: number;
      transfer: number;
    }[];
    const cached = scripts.find((s) => s.transfer === 0 && s.decoded > 0);
    if (cached) throw new Error(`${cached.url} came from a cache: the load was not cold`);
    if (lcp === null || fcp === null) throw new Error(`${url} reported no first or largest contentful paint`);
    const { tbt, fromStart } = blockingTime(longTasks, fcp);
    return {
      lcpMs: lcp,
      tbtMs: tbt,
      fromStartMs: fromStart,
      longTasks: longTasks.filter((t) => t.start + t.duration > fcp).length,
      jsBytes: scripts.reduce((sum, s) => sum + s.encoded, 0),
      jsBytesDecoded: scripts.reduce((sum, s) => sum + s.decoded, 0),
    };
  } finally {
    await close();
  }
}

/**
 * The interaction's latency as INP counts it: the longest Event Timing entry of the one interaction `act` performs on
 * `url` loaded cold and idle, collected until the page is idle again; 0 when no entry reached 16 ms.
 */
export async function measureInteraction(
  browser: Browser,
  url: string,
  act: (page: Page) => Promise<void>,
): Promise<number> {
  const { page, eventDurations, settle, close } = await openCold(browser, url);
  try {
    await act(page);
    await settle();
    return Math.max(0, ...eventDurations);
  } finally {
    await close();
  }
}
