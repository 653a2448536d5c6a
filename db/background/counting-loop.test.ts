import { OWN_FILE } from "@/db";
// The server's background count beside the trading system's real Python writer: it never waits for the writer's
// lock, pages never write, and what other writers do behind Agent Desk's back (a REPLACE, a dump and restore, an
// older backup put at the path, a file held busy) ends in exact figures.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { rebuildLlmAggregates } from "@/db/aggregates/count-all";
import { rebuildTradeAggregates, tradeCounter } from "@/db/aggregates/trade-facts";
import { openDatabase } from "@/db/connection";
import { countNow, makeUpstreamDb, tempDir, useTradingFile } from "@/db/testing/upstream-file";
import { migrateFile } from "@/migrations/migrate-file";
import { readMigrations } from "@/migrations/migration-files";
import { migrate } from "@/migrations/runner";
import { checkDatabaseFile } from "@/lib/server/database-file";
import { CountingLoop } from "./counting-loop";
import { forgetServerState } from "@/db/testing/server-state";

const ZONE = "Asia/Seoul";
const loops: CountingLoop[] = [];
afterEach(() => loops.splice(0).forEach((loop) => loop.stop()));
const startLoop = (file: string) => {
  const loop = new CountingLoop({ file, zone: ZONE, log: () => {} }).start();
  loops.push(loop);
  return loop;
};
// Each test has its own file: forget the server's connections and configuration kept from the one before.
afterEach(forgetServerState);
const python = (code: string, file: string) =>
  execFileSync("python3", ["-c", `import sqlite3, sys\n${code}`, file], { encoding: "utf8" });

/** The trade sums as kept, to compare with a rebuild. */
function tradeSums(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      facts: db.prepare("SELECT trade_rowid, event_ms, pnl_7_days FROM agent_desk_trades ORDER BY 1").raw().all(),
      days: db.prepare("SELECT * FROM agent_desk_trade_days ORDER BY 1").raw().all(),
      agents: db.prepare("SELECT * FROM agent_desk_trade_agent_days ORDER BY 1, 2").raw().all(),
    };
  } finally {
    db.close();
  }
}

describe("the background count", () => {
  it("never waits for the trading system's lock: the event loop stays free while Python holds the file for 3 s", async () => {
    const { file } = await useTradingFile(["--days", "5"]);
    const loop = startLoop(file);
    await loop.drain();
    // The Python writer commits new calls inside one long immediate transaction (a slow batch of its own).
    const holder = spawn("python3", [
      "-c",
      `
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (datetime('now'), 'cio', 'claude', 'opus-4.1', 1, 0.01, 100, 'final_decision', 1)")
print("held", flush=True)
time.sleep(3)
c.execute("COMMIT")
`,
      file,
    ]);
    await new Promise((resolve) => holder.stdout.once("data", resolve));
    const lags: number[] = [];
    const held = Date.now();
    while (Date.now() - held < 2500) {
      const at = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 10));
      lags.push(performance.now() - at - 10);
    }
    expect(loop.status.state).toBe("waiting for the writer");
    expect(Math.max(...lags)).toBeLessThan(1500); // with a 5 s busy wait on the synchronous driver it was the whole 3 s
    await new Promise((resolve) => holder.on("close", resolve));
    await loop.drain();
    expect(loop.status.llmCallsWaiting).toBe(0);
  });

  it("pages read through a connection that cannot write", async () => {
    await useTradingFile(["--days", "2"]);
    const { database } = await import("@/db");
    expect(() => database(OWN_FILE).sqlite.prepare("DELETE FROM agent_desk_llm_hourly").run()).toThrow(/readonly/);
  });

  it("counts a trade once when another writer REPLACEs it (its old row goes without a trigger)", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "20"]);
    await migrateFile(file, { log: () => {}, timeZone: ZONE });
    const id = python(
      "print(sqlite3.connect(sys.argv[1]).execute('SELECT trade_id FROM trades WHERE pnl_7_days IS NOT NULL LIMIT 1').fetchone()[0])",
      file,
    ).trim();
    python(
      `with sqlite3.connect(sys.argv[1]) as c:
    row = list(c.execute("SELECT * FROM trades WHERE trade_id = ?", ("${id}",)).fetchone())
    cols = [d[0] for d in c.execute("SELECT * FROM trades LIMIT 0").description]
    row[cols.index("pnl_7_days")] = 4321.0
    c.execute("INSERT OR REPLACE INTO trades VALUES (%s)" % ",".join("?" * len(row)), row)`,
      file,
    );
    const db = openDatabase(file);
    const trades = tradeCounter(db, ZONE);
    while (trades.step() > 0);
    expect(db.prepare("SELECT count(*) FROM agent_desk_trades").pluck().get()).toBe(
      (db.prepare("SELECT count(*) FROM trades").pluck().get() as number) + 1,
    ); // before: counted twice
    expect(trades.audit()).toBe(1);
    while (trades.step() > 0);
    db.close();
    const kept = tradeSums(file);
    const rebuilt = openDatabase(file);
    rebuildTradeAggregates(rebuilt, ZONE);
    rebuilt.close();
    expect(kept).toEqual(tradeSums(file));
  });

  it("reads every trade again after a dump and restore renumbered them, equal to a rebuild", async () => {
    const { file } = await useTradingFile(["--days", "20"]);
    // A trade deleted, then the file dumped and loaded again: rowids close up, as sqlite3's .dump / iterdump do.
    python(
      "with sqlite3.connect(sys.argv[1]) as c: c.execute('DELETE FROM trades WHERE rowid = (SELECT min(rowid) + 3 FROM trades)')",
      file,
    );
    countNow(file);
    const restored = `${file}.restored`;
    python(
      `src = sqlite3.connect(sys.argv[1])
dst = sqlite3.connect(sys.argv[1] + ".restored")
dst.executescript("\\n".join(src.iterdump()))
dst.close()`,
      file,
    );
    const renumbered = python(
      "print(sqlite3.connect(sys.argv[1]).execute('SELECT max(rowid) FROM trades').fetchone()[0])",
      restored,
    );
    expect(Number(renumbered)).toBeLessThan(
      Number(
        python("print(sqlite3.connect(sys.argv[1]).execute('SELECT max(rowid) FROM trades').fetchone()[0])", file),
      ),
    );
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(restored, file);
    // A new trade lands on the renumbered rowids before Agent Desk looks: the newest rowid matches the facts again.
    python(
      `with sqlite3.connect(sys.argv[1]) as c:
    c.execute("INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, pnl_7_days, agent_contributions) VALUES ('AFTER', datetime('now'), '005930', 'buy', 1, 1, 'x', '{}', '{}', 10, '{\\"cio\\": 1}')")`,
      file,
    );
    const loop = startLoop(file);
    await loop.drain();
    const kept = tradeSums(file);
    loop.stop();
    const rebuilt = openDatabase(file);
    rebuildTradeAggregates(rebuilt, ZONE);
    rebuilt.close();
    expect(kept).toEqual(tradeSums(file));
  });

  it("brings an older backup put at the path to the current schema (backup first) before anything reads it", async () => {
    const { file } = await useTradingFile(["--days", "5"]);
    const { database, databaseProblem } = await import("@/db");
    database(OWN_FILE);
    // A backup taken by an Agent Desk that knew one migration less.
    const older = path.join(path.dirname(file), "older.db");
    const made = makeUpstreamDb(older, ["--days", "5"]);
    const db = openDatabase(made);
    await migrate(db, { log: () => {}, migrations: readMigrations().slice(0, -1) });
    db.close();
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(older, file);
    expect(databaseProblem()?.kind).toBe("migrating");
    expect(() => database(OWN_FILE)).toThrow(/being brought to the current schema/);
    const loop = startLoop(file);
    await loop.drain(120_000);
    expect(databaseProblem()).toBeNull();
    expect(database(OWN_FILE).sqlite.prepare("SELECT max(version) FROM schema_version").pluck().get()).toBe(
      readMigrations().length,
    );
    const newest = readMigrations().at(-1)!.name.slice(0, 4); // the backup is named for the migration it precedes
    expect(
      fs.readdirSync(path.join(path.dirname(file), "backups")).some((name) => name.includes(`before-${newest}`)),
    ).toBe(true);
  });

  it("recounts the LLM log equal to a rebuild after the trading system corrects calls while it counts", async () => {
    const { file } = await useTradingFile(["--days", "10"]);
    const loop = startLoop(file);
    python(
      `import time
for i in range(20):
    with sqlite3.connect(sys.argv[1]) as c:
        c.execute("UPDATE llm_usage_log SET cost_usd = cost_usd + 0.01 WHERE id = ?", (i * 7 + 1,))
        c.execute("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (datetime('now', '-' || ? || ' hours'), 'cio', 'claude', 'opus-4.1', 1, 0.01, 100, 'final_decision', 1)", (i,))
    time.sleep(0.02)`,
      file,
    );
    await loop.drain();
    loop.stop();
    const snap = (f: string) => {
      const db = new Database(f, { readonly: true });
      const rows = db
        .prepare("SELECT hour, agent_name, calls, round(cost_usd, 9) FROM agent_desk_llm_hourly ORDER BY 1, 2, 3")
        .raw()
        .all();
      db.close();
      return rows;
    };
    const kept = snap(file);
    const rebuilt = openDatabase(file);
    rebuildLlmAggregates(rebuilt);
    rebuilt.close();
    expect(kept).toEqual(snap(file));
  });
});

describe("the server's hold on the file", () => {
  it("is not dropped by checking the configuration: the trading system's closing connection never takes itself for the last", async () => {
    const { file } = await useTradingFile(["--days", "2"]);
    const held = openDatabase(file); // the background count's connection, open from boot
    held.prepare("SELECT count(*) FROM agent_desk_backfill").get();
    checkDatabaseFile(file, "DATABASE_PATH"); // what the first page's configuration check does
    python(
      "with sqlite3.connect(sys.argv[1]) as c: c.execute(\"INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (datetime('now'), 'cio', 'claude', 'opus-4.1', 1, 0.01, 100, 'final_decision', 1)\")",
      file,
    );
    // Had this process's locks gone with a closed descriptor, Python's close would have checkpointed and removed the
    // WAL under the open connection, which then read "database disk image is malformed".
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(held.prepare("SELECT count(*) FROM llm_usage_log").pluck().get()).toBeGreaterThan(0);
    held.close();
  });
});

describe("switching to WAL", () => {
  it("says the journal mode stays as it was when the trading system holds the file in a transaction", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "2"]);
    const holder = spawn("python3", [
      "-c",
      `
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN")
c.execute("SELECT count(*) FROM trades").fetchone()
print("held", flush=True)
time.sleep(7)
`,
      file,
    ]);
    await new Promise((resolve) => holder.stdout.once("data", resolve));
    const lines: string[] = [];
    await migrateFile(file, { log: (line) => lines.push(line), count: false });
    holder.kill();
    expect(lines).not.toContain("journal mode: wal (was delete)");
    expect(lines.some((line) => /^note: journal mode stays delete/.test(line))).toBe(true);
  });
});
