import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { BackupError, backupDatabase, backupTo, type FreeSpace } from "@/db/backup";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { ConfigError } from "@/lib/config-error";

// The trading system writing as it does: a new connection per insert, stdlib sqlite3, its default 5 s timeout.
const WRITER = `
import sqlite3, sys, time
db, seconds = sys.argv[1], float(sys.argv[2])
errors, n, end = 0, 0, time.time() + seconds
while time.time() < end:
    try:
        with sqlite3.connect(db) as c:
            c.execute("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) "
                      "VALUES (datetime('now'), 'cio', 'claude', 'opus-4.1', 100, 0.01, 1000, 'final_decision', 1)")
        n += 1
    except sqlite3.Error as e:
        errors += 1
        print(e, file=sys.stderr)
    time.sleep(0.01)
print(n, errors)
`;

describe("npm run db:backup", () => {
  it("copies the file consistently while the Python writer inserts, checks it and counts its rows", async () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "20"]);
    const before = new Database(file, { readonly: true })
      .prepare("SELECT count(*) FROM llm_usage_log")
      .pluck()
      .get() as number;
    const writer = spawn("python3", ["-c", WRITER, file, "4"]);
    let written = "";
    writer.stdout.on("data", (chunk) => (written += chunk));
    await new Promise((r) => setTimeout(r, 1000));
    const out = path.join(dir, "copies", "copy.db");
    const backup = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-backup.ts", "--db", file, "--out", out],
      { encoding: "utf8" },
    );
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/integrity_check ok/);
    expect(backup.stdout).toMatch(/llm_usage_log: [\d,]+ rows/);
    await new Promise((r) => writer.on("close", r));
    const [inserted, errors] = written.trim().split(" ").map(Number);
    expect(errors).toBe(0);
    expect(inserted).toBeGreaterThan(50);

    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = copy.prepare("SELECT count(*) FROM llm_usage_log").pluck().get() as number;
    copy.close();
    expect(copied).toBeGreaterThan(before); // rows the writer committed before the copy are in it
    expect(copied).toBeLessThanOrEqual(before + inserted!);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });

  it("refuses to overwrite a file and says so", () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
    const out = path.join(dir, "taken.db");
    fs.writeFileSync(out, "mine");
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-backup.ts", "--db", file, "--out", out],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^error: --out .*taken\.db already exists; choose another file$/);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
  });
});

const GiB = 2 ** 30;
const quiet = { log: () => {} };

/** Runs `work` on a connection to a small file the trading system made (rollback journal, as it writes it). */
async function withSmallFile<T>(work: (db: Database.Database, dir: string) => Promise<T>, mode?: number): Promise<T> {
  const dir = tempDir();
  const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
  if (mode !== undefined) fs.chmodSync(file, mode);
  const db = openDatabase(file);
  try {
    return await work(db, dir);
  } finally {
    db.close();
  }
}

const roomy: FreeSpace = () => ({ free: 500 * GiB, total: 1000 * GiB });

describe("free space", () => {
  it("refuses in words when the copy would leave the volume under 1 GiB, and writes nothing", async () => {
    await withSmallFile(async (db, dir) => {
      const tight: FreeSpace = () => ({ free: GiB + 1024, total: 10 * GiB }); // 1 GiB and 1 KiB free: the copy eats the margin
      const error = await backupDatabase(db, "before-test", { freeSpace: tight, ...quiet }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(
        /^not enough room to back up .*live\.db: the copy needs \d+ KiB and .* has 1\.0 GiB free, which would leave \d+ MiB, under the 1\.0 GiB kept free so the trading system never runs out of disk \(5 % of the volume, at least 1 GiB\); nothing was written\. Free some space and try again$/,
      );
      expect(fs.readdirSync(dir)).toEqual(["live.db"]); // not even the backups folder
    });
  });

  it("keeps 5 % of a large volume free and names the older backups that take room", async () => {
    await withSmallFile(async (db, dir) => {
      await backupDatabase(db, "before-first", { freeSpace: roomy, ...quiet });
      const fivePercentShort: FreeSpace = () => ({ free: 4.9 * GiB, total: 100 * GiB });
      await expect(
        backupTo(db, path.join(dir, "backups", "copy.db"), { freeSpace: fivePercentShort, ...quiet }),
      ).rejects.toThrow(
        /under the 5\.0 GiB kept free .*Free some space \(1 older Agent Desk backups there hold \d+ KiB; BACKUP_KEEP sets how many are kept\) and try again$/,
      );
      expect(fs.readdirSync(path.join(dir, "backups"))).toHaveLength(1);
    });
  });

  it("reads the real volume by default: this one has room for a small file", async () => {
    await withSmallFile(async (db) => {
      expect(fs.existsSync(await backupDatabase(db, "before-test", quiet))).toBe(true);
    });
  });
});

describe("the copy", () => {
  // 660 is what the usual umask (022) would strip; 444 is a file kept read-only on purpose.
  it.each(["660", "600", "444"])("has the source's mode (%s), not one from the umask", async (octal) => {
    const mode = parseInt(octal, 8);
    await withSmallFile(async (db) => {
      const copy = await backupDatabase(db, "before-test", { freeSpace: roomy, ...quiet });
      expect(fs.statSync(copy).mode & 0o777).toBe(mode);
    }, mode);
  });

  it("is one rollback-journal file from a WAL source, with no -wal, -shm or partial file beside it", async () => {
    await withSmallFile(async (db, dir) => {
      db.pragma("journal_mode = WAL");
      const id = db
        .prepare(
          "INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES ('2030-01-01T00:00:00', 'cio', 'claude', 'opus-4.1', 1, 0, 1, 'final_decision', 1)",
        )
        .run().lastInsertRowid; // a row only in the -wal
      const copy = await backupDatabase(db, "before-test", { freeSpace: roomy, ...quiet });
      expect(fs.readdirSync(path.join(dir, "backups"))).toEqual([path.basename(copy)]);
      const opened = new Database(copy, { readonly: true });
      expect(opened.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(opened.prepare("SELECT timestamp FROM llm_usage_log WHERE id = ?").pluck().get(id)).toBe(
        "2030-01-01T00:00:00",
      );
      opened.close();
    });
  });

  it("waits out a lock held at its very first step instead of keeping an empty copy that passes its check", async () => {
    await withSmallFile(async (db, dir) => {
      db.pragma("busy_timeout = 0"); // what a writer committing back to back does to a patient reader after 5 s
      const writer = new Database(db.name);
      const lockAtFirstStep: FreeSpace = (folder) => {
        writer.exec("BEGIN EXCLUSIVE"); // right after the size is read, right before the first step
        setTimeout(() => writer.exec("COMMIT"), 300);
        return roomy(folder);
      };
      const { counts, restarts } = await backupTo(db, path.join(dir, "copy.db"), {
        freeSpace: lockAtFirstStep,
        ...quiet,
      });
      writer.close();
      expect(restarts).toBeGreaterThan(0);
      expect(counts.llm_usage_log).toBe(db.prepare("SELECT count(*) FROM llm_usage_log").pluck().get());
    });
  });

  it.each(["SIGINT", "SIGTERM"] as const)(
    "removes its partial copy on %s (Ctrl-C, a stop), then stops as that signal would",
    async (signal) => {
      const dir = tempDir();
      const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
      const out = path.join(dir, "backups", "copy.db");
      const child = spawn(process.execPath, ["--import", "tsx", "db/testing/stalled-backup.ts", file, out]);
      let said = "";
      child.stdout.on("data", (chunk) => (said += chunk));
      child.stderr.on("data", (chunk) => (said += chunk));
      let exit: string | undefined;
      const exited = new Promise<string>((resolve) =>
        child.on("exit", (code, killedBy) => resolve((exit = killedBy ?? `exit ${code}: ${said}`))),
      );
      while (exit === undefined && !(said.includes("stalled") && fs.existsSync(`${out}.partial`)))
        await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(fs.readdirSync(path.dirname(out))).toEqual([]);
    },
  );

  it("leaves nothing behind when it gives up at its deadline", async () => {
    await withSmallFile(async (db, dir) => {
      const error = await backupDatabase(db, "before-test", { timeoutMs: 0, freeSpace: roomy, ...quiet }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(
        /^backup of .*live\.db gave up after 0\.\d s with 0 % of \d+ KiB copied: the file is in rollback-journal mode/,
      );
      expect(fs.readdirSync(path.join(dir, "backups"))).toEqual([]);
    });
  });

  it("leaves nothing behind when it gives up at its deadline on a WAL file, and ends its snapshot", async () => {
    await withSmallFile(async (db, dir) => {
      db.pragma("journal_mode = WAL");
      await expect(backupDatabase(db, "before-test", { timeoutMs: 0, freeSpace: roomy, ...quiet })).rejects.toThrow(
        /^backup of .*live\.db gave up after 0\.\d s with 0 % of \d+ KiB copied; nothing was kept\. The disk is far slower than expected or stalled/,
      );
      expect(fs.readdirSync(path.join(dir, "backups"))).toEqual([]);
      expect(db.inTransaction).toBe(false);
    });
  });
});

describe("keeping the newest backups", () => {
  const OWN = [
    "live-20240101-000000-before-0002_agent_desk_tables.db",
    "live-20240102-000000.db",
    "live-20240103-000000-before-rollback-0009_lighter_schema.db",
    "live-20240104-000000.db",
  ];
  // Look like Agent Desk's at a glance, but it did not make them (or not yet): never deleted.
  const OTHERS = [
    "notes.txt",
    "live-manual.db",
    "live-20240101.db",
    "other-20240101-000000.db",
    "live-20240101-000000.sqlite",
    "live-20240101-000000.db.partial",
    "live-20240101-000000.db-journal",
  ];

  function fill(dir: string) {
    const backups = path.join(dir, "backups");
    fs.mkdirSync(backups);
    for (const name of [...OWN, ...OTHERS]) fs.writeFileSync(path.join(backups, name), name);
    fs.mkdirSync(path.join(backups, "live-20230101-000000.db")); // a folder with a backup's name
    fs.writeFileSync(path.join(dir, "elsewhere.db"), "mine");
    fs.symlinkSync(path.join(dir, "elsewhere.db"), path.join(backups, "live-20230102-000000.db")); // a link, not a backup
    fs.writeFileSync(path.join(dir, "live-20240101-000000.db"), "beside the file, not in backups/");
    return backups;
  }

  it("deletes only Agent Desk's own older backups of this file, past the newest N, and never the new one", async () => {
    await withSmallFile(async (db, dir) => {
      const backups = fill(dir);
      const lines: string[] = [];
      const copy = await backupDatabase(db, "before-test", { keep: 3, freeSpace: roomy, log: (l) => lines.push(l) });
      expect(fs.readdirSync(backups).sort()).toEqual(
        [
          path.basename(copy),
          "live-20240103-000000-before-rollback-0009_lighter_schema.db",
          "live-20240104-000000.db",
          ...OTHERS,
          "live-20230101-000000.db",
          "live-20230102-000000.db",
        ].sort(),
      );
      expect(lines).toEqual([
        "backup: deleted the 2 oldest of Agent Desk's backups, keeping the newest 3 (BACKUP_KEEP)",
      ]);
      expect(fs.readFileSync(path.join(dir, "elsewhere.db"), "utf8")).toBe("mine");
      expect(fs.existsSync(path.join(dir, "live-20240101-000000.db"))).toBe(true);
    });
  });

  it("keeps only the new one with keep 1, and counts a second backup in the same second", async () => {
    await withSmallFile(async (db) => {
      const first = await backupDatabase(db, "before-test", { keep: 1, freeSpace: roomy, ...quiet });
      const second = await backupDatabase(db, "before-test", { keep: 1, freeSpace: roomy, ...quiet });
      expect(fs.readdirSync(path.dirname(second))).toEqual([path.basename(second)]);
      expect(first).not.toBe(second);
    });
  });

  it("reads BACKUP_KEEP, and a bad value stops it with one line before anything is written", async () => {
    await withSmallFile(async (db, dir) => {
      process.env.BACKUP_KEEP = "ten";
      try {
        const error = await backupDatabase(db, "before-test", { freeSpace: roomy, ...quiet }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).toMatch(/^BACKUP_KEEP 'ten' is not a number of backups to keep/);
        expect(fs.existsSync(path.join(dir, "backups"))).toBe(false);
        process.env.BACKUP_KEEP = "1";
        await backupDatabase(db, "before-a", { freeSpace: roomy, ...quiet });
        await backupDatabase(db, "before-b", { freeSpace: roomy, ...quiet });
        expect(fs.readdirSync(path.join(dir, "backups"))).toHaveLength(1);
      } finally {
        delete process.env.BACKUP_KEEP;
      }
    });
  });

  it("npm run db:backup prunes its default folder by BACKUP_KEEP, and never around a chosen --out", () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
    const backups = fill(dir);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", "--db", file, ...args], {
        encoding: "utf8",
        env: { ...process.env, BACKUP_KEEP: "2" },
      });
    const chosen = run("--out", path.join(backups, "mine.db"));
    expect(chosen.status, chosen.stderr).toBe(0);
    expect(fs.readdirSync(backups).filter((f) => /^live-\d{8}-\d{6}/.test(f) && f.endsWith(".db"))).toHaveLength(
      OWN.length + 2,
    ); // + folder and link
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(
      result.stdout.match(
        /^deleted .*\/backups\/live-2024010[1-3]-.*\.db \(only the newest 2 are kept, BACKUP_KEEP\)$/gm,
      ),
    ).toHaveLength(3);
    expect(fs.existsSync(path.join(backups, "mine.db"))).toBe(true);
    expect(fs.existsSync(path.join(backups, "live-20240104-000000.db"))).toBe(true);
  });

  it("npm run db:backup says what is wrong with --timeout", () => {
    const dir = tempDir();
    const file = makeUpstreamDb(path.join(dir, "live.db"), ["--days", "1"]);
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-backup.ts", "--db", file, "--timeout", "soon"],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: --timeout 'soon' is not a number of seconds\nusage: npm run db:backup/);
  });
});
