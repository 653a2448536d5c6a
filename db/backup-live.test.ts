import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupTo } from "@/db/backup";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";

// The trading system at its busiest: commit after commit on one connection, with no pause between them. Every
// commit used to restart SQLite's page-by-page copy, so a file of tens of MB never finished beside it.
const BACK_TO_BACK = `
import sqlite3, sys, time
db, seconds = sys.argv[1], float(sys.argv[2])
c = sqlite3.connect(db)
errors, n, end = 0, 0, time.time() + seconds
while time.time() < end:
    try:
        c.execute("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) "
                  "VALUES (datetime('now'), 'cio', 'claude', 'opus-4.1', 100, 0.01, 1000, 'final_decision', 1)")
        c.commit()
        n += 1
        if n == 1: print("writing", flush=True)
    except sqlite3.Error as e:
        errors += 1
        print(e, file=sys.stderr)
print(n, errors)
`;

const WRITER_SECONDS = 12;

/** A file the trading system made, its LLM log grown to about 70 MB, in the given journal mode. */
function largeFile(dir: string, journalMode: "wal" | "delete"): string {
  const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
  const db = new Database(file);
  db.pragma(`journal_mode = ${journalMode}`);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
    INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success)
    SELECT strftime('%Y-%m-%dT%H:%M:%f', 1700000000 + i * 7, 'unixepoch'), 'agent_' || (i % 15), 'claude', 'opus-4.1', i % 4000, 0.01, 1000, 'final_decision', 1 FROM n`);
  db.close();
  return file;
}

/** Starts the back-to-back writer; `writing` resolves at its first commit, `done` with what it wrote and its errors. */
function startWriter(file: string, seconds = WRITER_SECONDS) {
  const python = spawn("python3", ["-c", BACK_TO_BACK, file, String(seconds)]);
  let out = "";
  let stderr = "";
  python.stderr.on("data", (chunk) => (stderr += chunk));
  const writing = new Promise<void>((resolve) =>
    python.stdout.on("data", (chunk) => ((out += chunk), out.startsWith("writing") && resolve())),
  );
  const done = new Promise<{ inserted: number; errors: number; stderr: string }>((resolve) =>
    python.on("close", () => {
      const [inserted, errors] = out.trim().split("\n").at(-1)!.split(" ").map(Number);
      resolve({ inserted: inserted!, errors: errors!, stderr });
    }),
  );
  return { writing, done };
}

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM llm_usage_log").pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Files left in `dir` by SQLite or by a copy that did not finish. */
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => /(-wal|-shm|-journal|\.partial)$/.test(f));

describe("a backup beside a writer that commits back to back", () => {
  it("copies one snapshot of a WAL file without restarting, long before the writer stops, and the writer sees no error", async () => {
    const dir = tempDir();
    const file = largeFile(dir, "wal");
    const writer = startWriter(file);
    await writer.writing;
    const out = path.join(dir, "backups", "copy.db");
    const db = openDatabase(file, { readonly: true });
    const started = performance.now();
    const before = count(file);
    try {
      const result = await backupTo(db, out, { log: () => {} });
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeLessThan(WRITER_SECONDS * 0.6); // it used to run until the writer stopped, and beyond
      expect(result.restarts).toBe(0);
      expect(count(file)).toBeGreaterThan(before + 100); // the writer kept committing during and after the copy
    } finally {
      db.close();
    }
    const { inserted, errors, stderr } = await writer.done;
    expect(errors, stderr).toBe(0);
    expect(inserted).toBeGreaterThan(1000);

    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete"); // one self-contained file
    copy.close();
    expect(count(out)).toBeGreaterThanOrEqual(before);
    expect(leftovers(path.dirname(out))).toEqual([]);
  });
});

describe("a backup of a rollback-journal file beside a writer that commits back to back", () => {
  // Without WAL there is no snapshot to read beside the writer: the copy waits for the file and starts over at each
  // commit, and finishes only in a lucky quiet moment. Either way it keeps to its deadline and hurts no one.
  it("finishes or gives up at its deadline in words, leaving nothing, without holding the writer up", async () => {
    const dir = tempDir();
    const file = largeFile(dir, "delete");
    // Opened before the writer starts: opening reads the schema, which a back-to-back writer can starve past the
    // busy timeout on a loaded machine; what is tested here is the backup's own waiting.
    const db = openDatabase(file, { readonly: true });
    const writer = startWriter(file, 6);
    await writer.writing;
    const out = path.join(dir, "backups", "copy.db");
    const started = performance.now();
    try {
      const result = await backupTo(db, out, { timeoutMs: 3000, log: () => {} }).catch((error: Error) => error);
      if (result instanceof Error) {
        expect(result.message).toMatch(
          /^backup of .*live\.db gave up after \d+\.\d s with \d+ % of \d+ MiB copied: the file is in rollback-journal mode, where each commit by another connection makes the copy wait for the file or start over.*; nothing was kept\. .*switch the file to WAL/,
        );
        // Nothing kept: no partial copy, and the folder may not even have been made (it gave up before the copy).
        expect(fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []).toEqual([]);
      } else {
        expect(fs.readdirSync(path.dirname(out))).toEqual(["copy.db"]);
      }
      expect(performance.now() - started).toBeLessThan(3000 + 5000 + 1000); // a step waits at most the 5 s busy timeout
    } finally {
      db.close();
    }
    const { errors, stderr } = await writer.done;
    expect(errors, stderr).toBe(0);
  });
});

describe("a backup of a rollback-journal file another connection keeps locked", () => {
  // The busy timeout runs out before the copy can read a page: the operator is told the copy gave up and why, in the
  // same words as a deadline, never SQLite's bare "database is locked"; nothing is left behind.
  it("gives up in words, leaving nothing", async () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
    const db = openDatabase(file, { readonly: true });
    db.pragma("busy_timeout = 200");
    const writer = new Database(file);
    writer.exec("BEGIN EXCLUSIVE");
    const out = path.join(dir, "backups", "copy.db");
    try {
      const result = await backupTo(db, out, { timeoutMs: 3000, log: () => {} }).catch((error: Error) => error);
      expect(result).toBeInstanceOf(Error);
      expect((result as Error).message).toMatch(
        /^backup of .*live\.db gave up after \d+\.\d s with 0 % of [\d.]+ [KMG]?i?B copied: the file is in rollback-journal mode/,
      );
      expect(fs.existsSync(path.dirname(out)) ? fs.readdirSync(path.dirname(out)) : []).toEqual([]);
    } finally {
      writer.exec("ROLLBACK");
      writer.close();
      db.close();
    }
  });
});
