import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { readBackupKeep } from "@/lib/server/backup-keep";

/** A backup refused or given up; its message is the one line the user sees, and nothing of the copy is left. */
export class BackupError extends Error {
  override name = "BackupError";
}

type Log = (line: string) => void;

/** Free and total bytes of the volume that holds `dir` (tests pass their own to play a full volume). */
export type FreeSpace = (dir: string) => { free: number; total: number };

export type BackupOptions = {
  check?: "quick_check" | "integrity_check";
  /** Gives up past this long; by default 60 s, or 1 s per 10 MiB of file when that is longer (a slow disk's pace). */
  timeoutMs?: number;
  log?: Log;
  freeSpace?: FreeSpace;
};

export type BackupResult = {
  counts: Record<string, number>;
  bytes: number;
  /**
   * Steps that got no further, as SQLite started the copy over when the file changed: 0 for a WAL file (one snapshot).
   */
  restarts: number;
};

const KiB = 2 ** 10;
const MiB = 2 ** 20;
const GiB = 2 ** 30;
// What a copy must leave free on its volume: the trading system writes on, and must never meet a full disk because
// of a backup. 1 GiB is over half a day of its LLM log at 100 calls/s (about 210 bytes a call with indexes).
const MIN_FREE_BYTES = GiB;
const MIN_FREE_SHARE = 0.05;
// Steps from a snapshot are large (fewer calls), yet short enough to report progress and check the deadline.
const SNAPSHOT_STEP_BYTES = 64 * MiB;
// Without a snapshot each step holds the file's shared lock, which the writer's commit waits for: about a millisecond.
const LOCKED_STEP_PAGES = 100;
const PROGRESS_EVERY_MS = 2000;
// From this size copying and checking take seconds: say what is under way before it starts.
const LOUD_BYTES = 256 * MiB;

/**
 * The backup before a migration or a rollback, into `backups/` beside the database under a name only Agent Desk
 * gives; then deletes its own backups of the file past the newest `keep` (BACKUP_KEEP). Returns the new path.
 */
export async function backupDatabase(
  db: Database.Database,
  reason: string,
  { keep = readBackupKeep(), log = console.log, ...options }: BackupOptions & { keep?: number } = {},
): Promise<string> {
  const at = new Date();
  let target = backupPath(db.name, reason, at);
  for (let n = 2; fs.existsSync(target); n++) target = backupPath(db.name, `${reason}-${n}`, at);
  await backupTo(db, target, { check: "quick_check", log, ...options });
  const deleted = pruneBackups(db.name, keep, target);
  if (deleted.length > 0)
    log(
      `backup: deleted the ${deleted.length} oldest of Agent Desk's backups, keeping the newest ${keep} (BACKUP_KEEP)`,
    );
  return target;
}

/** Where Agent Desk puts a backup of `file` made at `at`: `backups/<name>-<UTC stamp>[-<reason>].db` beside it. */
export function backupPath(file: string, reason?: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*$/, "");
  return path.join(
    path.dirname(file),
    "backups",
    `${path.basename(file, path.extname(file))}-${stamp}${reason ? `-${reason}` : ""}.db`,
  );
}

/**
 * Copies `db` to `target` (which must not exist) and checks the copy. A WAL file is copied from one read snapshot,
 * so the writer's commits neither block nor restart it; the copy is written owner-only under a temporary name, made
 * a self-contained rollback-journal file, checked, given the source's mode and only then renamed, so a copy that
 * failed, timed out or was interrupted leaves nothing behind. Refuses up front when the volume is too full.
 */
export async function backupTo(
  db: Database.Database,
  target: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const { check = "integrity_check", log = console.log } = options;
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose another file`);
  const started = performance.now();
  const partial = `${target}.partial`;
  const removePartial = () =>
    ["", "-journal", "-wal", "-shm"].forEach((suffix) => fs.rmSync(partial + suffix, { force: true }));
  const stopWatching = removeOnInterrupt(removePartial);
  try {
    removePartial(); // what a killed run may have left, a stale journal included
    const copied = await copyToPartial(db, target, partial, { ...options, log, started });
    const seconds = (performance.now() - started) / 1000;
    if (copied.bytes >= LOUD_BYTES || seconds * 1000 >= PROGRESS_EVERY_MS)
      log(`backup: copied in ${seconds.toFixed(1)} s; running ${check} on the copy…`);
    const counts = finishCopy(partial, check);
    fs.chmodSync(partial, fs.statSync(db.name).mode & 0o777);
    fs.renameSync(partial, target);
    return { counts, ...copied };
  } catch (error) {
    removePartial();
    throw error;
  } finally {
    stopWatching();
  }
}

/**
 * Copies `db` into `partial` (created owner-only) once there is room for it: a WAL file from one read snapshot,
 * held until the copy is done and then let go, before the copy is checked, so the writer's checkpoints resume.
 */
async function copyToPartial(
  db: Database.Database,
  target: string,
  partial: string,
  options: BackupOptions & { log: Log; started: number },
) {
  const snapshot = db.pragma("journal_mode", { simple: true }) === "wal";
  try {
    if (snapshot) db.exec("BEGIN; SELECT count(*) FROM sqlite_master"); // a WAL reader's snapshot blocks no writer
    const bytes = (db.pragma("page_count", { simple: true }) as number) * pageSize(db);
    checkRoom(db.name, target, bytes, options.freeSpace ?? volumeSpace);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(partial, "", { mode: 0o600 });
    const deadline = options.started + (options.timeoutMs ?? Math.max(60_000, (bytes / (10 * MiB)) * 1000));
    if (bytes >= LOUD_BYTES)
      options.log(`backup: copying ${size(bytes)} of ${db.name} to ${target}${snapshot ? " from one snapshot" : ""}…`);
    return await copyPages(db, partial, { snapshot, bytes, started: options.started, deadline, log: options.log });
  } catch (error) {
    // Without a snapshot, any statement (reading the page count, a step of the copy) can wait out the busy timeout
    // while the writer commits back to back: that is the copy giving up, said in words, not "database is locked".
    if ((error as { code?: unknown }).code !== "SQLITE_BUSY") throw error;
    const seconds = ((performance.now() - options.started) / 1000).toFixed(1);
    throw gaveUp(db.name, seconds, `0 % of ${size(fs.statSync(db.name).size)}`, snapshot, 0);
  } finally {
    if (db.inTransaction) db.exec("COMMIT");
  }
}

/**
 * Deletes Agent Desk's own backups of `file` (its names, in `backups/` beside it) past the newest `keep`, counting
 * `made` (the one just written) as the newest and never deleting it. Touches no other file. Returns what it deleted.
 */
export function pruneBackups(file: string, keep: number, made: string): string[] {
  const older = ownBackups(file).filter((f) => f !== path.resolve(made));
  const deleted = older.slice(Math.max(0, keep - 1));
  for (const f of deleted) fs.rmSync(f);
  return deleted;
}

/** Agent Desk's own backups of `file`, newest first: regular files in `backups/` named as backupPath names them. */
function ownBackups(file: string): string[] {
  const dir = path.resolve(path.dirname(file), "backups");
  const base = path.basename(file, path.extname(file)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const named = new RegExp(`^${base}-(\\d{8}-\\d{6})(-[A-Za-z0-9_-]+)?\\.db$`);
  const found: { file: string; stamp: string; mtime: number }[] = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const stamp = named.exec(name)?.[1];
    const stat = stamp && fs.lstatSync(path.join(dir, name));
    if (stat && stat.isFile()) found.push({ file: path.join(dir, name), stamp, mtime: stat.mtimeMs });
  }
  return found.sort((a, b) => b.stamp.localeCompare(a.stamp) || b.mtime - a.mtime).map((b) => b.file);
}

function pageSize(db: Database.Database): number {
  return db.pragma("page_size", { simple: true }) as number;
}

/** Refuses, before anything is written, a copy that would leave its volume under the margin the writer needs. */
function checkRoom(source: string, target: string, bytes: number, freeSpace: FreeSpace): void {
  let dir = path.dirname(path.resolve(target));
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  const { free, total } = freeSpace(dir);
  const margin = Math.max(MIN_FREE_BYTES, MIN_FREE_SHARE * total);
  if (free - bytes >= margin) return;
  const olds = ownBackups(source).filter((f) => path.dirname(f) === path.dirname(path.resolve(target)));
  const oldBytes = olds.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const hint =
    olds.length > 0
      ? ` (${olds.length} older Agent Desk backups there hold ${size(oldBytes)}; BACKUP_KEEP sets how many are kept)`
      : "";
  throw new BackupError(
    `not enough room to back up ${source}: the copy needs ${size(bytes)} and ${dir} has ${size(free)} free, which would leave ` +
      `${size(Math.max(0, free - bytes))}, under the ${size(margin)} kept free so the trading system never runs out of disk ` +
      `(5 % of the volume, at least 1 GiB); nothing was written. Free some space${hint} and try again`,
  );
}

function volumeSpace(dir: string): { free: number; total: number } {
  const stat = fs.statfsSync(dir);
  return { free: stat.bavail * stat.bsize, total: stat.blocks * stat.bsize };
}

type CopyPlan = { snapshot: boolean; bytes: number; started: number; deadline: number; log: Log };

/** Runs SQLite's backup into `partial`, reporting progress every few seconds and giving up past the deadline. */
async function copyPages(
  db: Database.Database,
  partial: string,
  plan: CopyPlan,
): Promise<{ bytes: number; restarts: number }> {
  const stepPages = plan.snapshot ? Math.ceil(SNAPSHOT_STEP_BYTES / pageSize(db)) : LOCKED_STEP_PAGES;
  let restarts = 0;
  let remaining = Infinity;
  let reported = plan.started;
  let done = `0 % of ${size(plan.bytes)}`;
  const step = (totalPages: number, remainingPages: number): number => {
    // A step that did not get further means the file changed under the copy and SQLite started over from page 1
    // (or, without a snapshot, the writer held the lock): a restart whether or not it was back past the last step.
    if (remainingPages >= remaining) restarts++;
    remaining = remainingPages;
    const now = performance.now();
    done = `${totalPages > 0 ? Math.floor(100 * (1 - remainingPages / totalPages)) : 0} % of ${size(plan.bytes)}`;
    const seconds = ((now - plan.started) / 1000).toFixed(1);
    if (now > plan.deadline) throw gaveUp(db.name, seconds, done, plan.snapshot, restarts);
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      plan.log(
        `backup: ${done} copied (${seconds} s${restarts > 0 ? `; started over ${restarts} times as the file changed` : ""})`,
      );
    }
    return stepPages;
  };
  for (;;) {
    const { totalPages } = await db
      .backup(partial, { progress: ({ totalPages, remainingPages }) => step(totalPages, remainingPages) })
      .catch((error: unknown) => {
        // A step that waited out the busy timeout (the writer committing back to back): the copy gives up, in words.
        if ((error as { code?: unknown }).code !== "SQLITE_BUSY") throw error;
        throw gaveUp(db.name, ((performance.now() - plan.started) / 1000).toFixed(1), done, plan.snapshot, restarts);
      });
    if (totalPages > 0 || plan.bytes === 0) return { bytes: plan.bytes, restarts };
    // better-sqlite3 ends a copy whose very first step found the file locked (SQLITE_BUSY, no page counted yet) as a
    // finished copy of 0 pages: an empty file that passes any check. Go again.
    step(0, Infinity);
  }
}

function gaveUp(file: string, seconds: string, done: string, snapshot: boolean, restarts: number): BackupError {
  const what = `backup of ${file} gave up after ${seconds} s with ${done} copied`;
  if (snapshot)
    return new BackupError(
      `${what}; nothing was kept. The disk is far slower than expected or stalled (db:backup takes --timeout SECONDS)`,
    );
  return new BackupError(
    `${what}: the file is in rollback-journal mode, where each commit by another connection makes the copy wait for the file ` +
      `or start over${restarts > 0 ? ` (it started over ${restarts} times)` : ""}; nothing was kept. Back it up while the trading system is stopped, ` +
      `or switch the file to WAL (npm run db:migrate does), where a backup reads one snapshot beside the writer`,
  );
}

/**
 * Makes the copy one self-contained file (a copy of a WAL file is in WAL mode) and checks it; returns its row counts.
 */
function finishCopy(partial: string, check: "quick_check" | "integrity_check"): Record<string, number> {
  const copy = new Database(partial, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const result = copy.pragma(check, { simple: true });
    if (result !== "ok") throw new BackupError(`the copy failed its ${check} (${String(result)}); nothing was kept`);
    const tables = copy
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, copy.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
    );
  } finally {
    copy.close();
  }
}

/** While a copy is under way, Ctrl-C or a stop signal first removes it, then does what it would have done. */
function removeOnInterrupt(remove: () => void): () => void {
  const signals = ["SIGINT", "SIGTERM"] as const;
  function onSignal(signal: NodeJS.Signals) {
    stop();
    remove();
    process.kill(process.pid, signal);
  }
  function stop() {
    for (const signal of signals) process.off(signal, onSignal);
  }
  for (const signal of signals) process.on(signal, onSignal);
  return stop;
}

function size(bytes: number): string {
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MiB`;
  return `${Math.ceil(bytes / KiB)} KiB`;
}
