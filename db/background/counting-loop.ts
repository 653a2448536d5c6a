import { spawn } from "node:child_process";
import fs from "node:fs";
import { createInterface } from "node:readline";
import type Database from "better-sqlite3";
import { llmAdopter, llmAdoption } from "@/db/aggregates/llm-adoption";
import { llmCounter, uncountedLlmCalls } from "@/db/aggregates/llm-backfill";
import { llmCorrector, pendingLlmCorrections } from "@/db/aggregates/llm-corrections";
import { tradeCounter, waitingTradeChanges } from "@/db/aggregates/trade-facts";
import { openBackgroundConnection } from "@/db/connection";
import { writeRefused } from "@/db/write-refused";
import { pendingMigrations } from "@/migrations/migrate-file";

// Between two steps the loop rests a quarter of the step's time, at least this long: the trading system's writer
// waits at most one step (about 25 ms) for its lock, and requests at most one step for the event loop.
const MIN_REST_MS = 5;
const REST_SHARE = 0.25;
// A tick takes steps for this long at most, so a request waits no longer for the event loop.
const TICK_MS = 25;
// Nothing to count: look again this often (a call the trading system commits is in the figures within it).
const IDLE_MS = 500;
// The trading system holds the write lock: try again this soon (the loop never waits on a lock; pages never do).
const BUSY_MS = 20;
// The file refuses writes, is missing or failed: try again this much later.
const TROUBLE_MS = 5_000;
// While busy, what waits is looked up this often (the looks cost a little per queued trade).
const OBSERVE_MS = 250;
// How often the trade facts are compared with the trades (a REPLACE, a VACUUM or a restore is caught within it).
const AUDIT_MS = 10 * 60_000;

export type CountingState =
  "starting" | "counting" | "current" | "waiting for the writer" | "refused" | "missing" | "migrating" | "failed";

/** What the background count is doing, how far it has come and how far behind the file it is: for /system. */
export type CountingStatus = {
  state: CountingState;
  detail: string | null;
  llmCallsWaiting: number;
  /** While a file's calls are adopted, newest first: the oldest time counted so far ('' when every dated one is). */
  adoptedBackTo: string | null;
  correctionsWaiting: number;
  tradeChangesWaiting: number;
  /** When the aggregates last held everything the file holds (null: not since the server started). */
  currentAt: number | null;
  /** When something first waited to be counted, while something does. */
  behindSince: number | null;
  startedAt: number;
};

type Options = { file: string; zone: string; log?: (line: string) => void };

/**
 * The one place the server writes Agent Desk's aggregates: counts new LLM calls, recounts corrected ones and reads
 * changed trades, in short immediate transactions (about 25 ms) on a connection of its own that never waits for a
 * lock, resting between them. Pages only read, so no request ever writes or waits for the trading system.
 */
export class CountingLoop {
  private db: Database.Database | undefined;
  private fileId: string | undefined;
  private work: ReturnType<typeof steps> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastAudit = 0;
  private observedAt = 0;
  private stopped = false;
  readonly status: CountingStatus = {
    state: "starting",
    detail: null,
    llmCallsWaiting: 0,
    adoptedBackTo: null,
    correctionsWaiting: 0,
    tradeChangesWaiting: 0,
    currentAt: null,
    behindSince: null,
    startedAt: Date.now(),
  };

  constructor(private readonly options: Options) {}

  start(): this {
    this.schedule(0);
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.db?.close();
    this.db = undefined;
  }

  /** Runs steps until nothing waits (or `deadlineMs` passes); for tests and the command line. */
  async drain(deadlineMs = 60_000): Promise<void> {
    const end = Date.now() + deadlineMs;
    while (Date.now() < end) {
      if ((await this.tick()) === IDLE_MS && this.status.state === "current") return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error(`the background count did not catch up within ${deadlineMs} ms (${this.status.state})`);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick().then((next) => this.schedule(next)), ms);
    this.timer.unref();
  }

  /** One step of work; returns how long to rest before the next. */
  private async tick(): Promise<number> {
    try {
      const db = await this.connection();
      if (!db) return TROUBLE_MS;
      // Steps (each its own short transaction) until a tick's budget is spent: under a stream of requests a tick
      // comes only once per turn of the event loop, and one step a turn would starve the count.
      const began = performance.now();
      let did = false;
      while (performance.now() - began < TICK_MS && this.work!.next()) did = true;
      this.observe(db, did);
      if (did) return Math.max(MIN_REST_MS, REST_SHARE * (performance.now() - began));
      if (Date.now() - this.lastAudit > AUDIT_MS) {
        this.lastAudit = Date.now();
        if (this.work!.audit() > 0) return MIN_REST_MS;
      }
      return IDLE_MS;
    } catch (error) {
      return this.trouble(error);
    }
  }

  /**
   * The connection to the file at the path now: opened again when another file was put there (a restored backup,
   * which is first brought to the current schema, with a backup of its own), none while the file is missing.
   */
  private async connection(): Promise<Database.Database | undefined> {
    const { file, zone } = this.options;
    const stat = statOf(file);
    if (!stat) {
      this.closeConnection();
      this.set("missing", "the database file is missing");
      return undefined;
    }
    const id = `${stat.dev}:${stat.ino}`;
    if (this.db && this.fileId === id) return this.db;
    this.closeConnection();
    if (pendingMigrations(file).length > 0) {
      // A file new to Agent Desk (npm start serves before this) or from an older one (a restored backup).
      this.set("migrating", "backing the file up before its migrations");
      await this.migrate(file);
    }
    const db = openBackgroundConnection(file);
    [this.db, this.fileId, this.work, this.lastAudit] = [db, id, steps(db, zone), 0];
    return db;
  }

  /**
   * `db:migrate --no-count` in a process of its own: the backup's check and the migrations are seconds of synchronous
   * work on a big file, which in this process would hold up every request. Its progress lines become the status.
   */
  private migrate(file: string): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts", "--db", file, "--no-count"], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const log = this.options.log ?? console.log;
    let failure = "";
    createInterface({ input: child.stdout }).on("line", (line) => {
      log(line);
      // Shown on every page, to anonymous readers of a public dashboard too: file names, never where they live.
      if (/^(backup|applied)/.test(line)) this.status.detail = line.replace(/(?:\/[^\s/]+)+\/([^\s/]+)/g, "$1");
    });
    createInterface({ input: child.stderr }).on(
      "line",
      (line) => (failure = line.replace(/^error: /, "").replace(/(?:\/[^\s/]+)+\/([^\s/]+)/g, "$1")),
    );
    return new Promise((resolve, reject) =>
      child.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`the migration stopped: ${failure || `exit ${code}`}`)),
      ),
    );
  }

  private closeConnection(): void {
    this.db?.close();
    [this.db, this.fileId, this.work] = [undefined, undefined, undefined];
  }

  /**
   * After each step (four times a second at most while busy): what waits, and since when the aggregates hold
   * everything.
   */
  private observe(db: Database.Database, did: boolean): void {
    if (did && Date.now() - this.observedAt < OBSERVE_MS) return;
    this.observedAt = Date.now();
    const corrections = pendingLlmCorrections(db);
    const status = this.status;
    status.llmCallsWaiting = uncountedLlmCalls(db);
    status.correctionsWaiting = corrections.notes + corrections.keys;
    status.tradeChangesWaiting = waitingTradeChanges(db);
    const adoption = llmAdoption(db);
    status.adoptedBackTo =
      adoption === null
        ? null
        : adoption.from === null
          ? "not started"
          : adoption.from || "every dated call; now the undated ones";
    const waiting =
      adoption !== null || status.llmCallsWaiting + status.correctionsWaiting + status.tradeChangesWaiting > 0;
    if (!waiting && !did) {
      status.currentAt = Date.now();
      status.behindSince = null;
      this.set("current", null);
    } else {
      status.behindSince ??= Date.now();
      this.set("counting", null);
    }
  }

  private trouble(error: unknown): number {
    const code = String((error as { code?: unknown } | null)?.code ?? "");
    if (code === "SQLITE_BUSY") {
      this.set("waiting for the writer", "the trading system holds the write lock");
      return BUSY_MS;
    }
    if (writeRefused(error)) {
      this.set("refused", `the file refuses writes (${code}); figures are read as they were counted`);
      return TROUBLE_MS;
    }
    const message = (error as Error).message ?? String(error);
    if (this.status.detail !== message) (this.options.log ?? console.error)(`background count: ${message}`);
    this.set("failed", message);
    this.closeConnection();
    return TROUBLE_MS;
  }

  private set(state: CountingState, detail: string | null): void {
    this.status.state = state;
    this.status.detail = detail;
  }
}

/**
 * The work, in order: corrections first (they make figures wrong), then new LLM calls, trade changes, and last the
 * calls of a file being adopted, newest first (pages wait for the periods it has not reached).
 */
function steps(db: Database.Database, zone: string) {
  const corrections = llmCorrector(db);
  const llm = llmCounter(db);
  const trades = tradeCounter(db, zone);
  const adoption = llmAdopter(db);
  return {
    // Trades before the adoption: a file's trades (100k: seconds) are wanted by most pages, its old calls by few.
    next: (): boolean => corrections.step() || llm.chunk().counted > 0 || trades.step() > 0 || adoption.step(),
    audit: () => trades.audit(),
  };
}

function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

// One loop per file and server process (the trading file, and on a central desk each system's replica), kept across
// hot reloads in development.
const global = globalThis as typeof globalThis & { agentDeskCounting?: Map<string, CountingLoop> };

/** Starts the background count of a file (at boot, or as a replica is made); a second call returns the running one. */
export function startCountingLoop(options: Options): CountingLoop {
  global.agentDeskCounting ??= new Map();
  let loop = global.agentDeskCounting.get(options.file);
  if (!loop) global.agentDeskCounting.set(options.file, (loop = new CountingLoop(options).start()));
  return loop;
}

/** Stops and forgets the count of a file (a replica made anew). */
export function stopCountingLoop(file: string): void {
  global.agentDeskCounting?.get(file)?.stop();
  global.agentDeskCounting?.delete(file);
}

/** The status of the loop counting `file`, or null when this process runs none (tests, the command line). */
export function countingStatus(file: string): CountingStatus | null {
  return global.agentDeskCounting?.get(file)?.status ?? null;
}
