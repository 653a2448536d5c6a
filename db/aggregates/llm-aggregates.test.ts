import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { migrateFile } from "@/migrations/migrate-file";
import { bucketMidpointMs, latencyBucketSql } from "./llm-keys";
import { countAllNow, rebuildLlmAggregates } from "./count-all";
import { llmCounter, uncountedLlmCalls } from "./llm-backfill";
import { llmAdopter, llmAdoption } from "./llm-adoption";
import { llmCorrector, pendingLlmCorrections } from "./llm-corrections";
import { LlmRangeCache } from "./llm-range-cache";
import { LlmWindow } from "./llm-window-reader";

type Snapshot = { hourly: unknown[][]; latency: unknown[][]; errors: unknown[][]; zoned: unknown[][] };

function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true });
  try {
    const rows = (sql: string) => db.prepare(sql).raw().all() as unknown[][];
    return {
      hourly: rows("SELECT * FROM agent_desk_llm_hourly WHERE calls != 0 ORDER BY 1, 2, 3, 4, 5"),
      latency: rows("SELECT * FROM agent_desk_llm_latency WHERE calls != 0 ORDER BY 1, 2, 3, 4, 5, 6"),
      errors: rows("SELECT * FROM agent_desk_llm_errors WHERE calls != 0 ORDER BY 1, 2, 3, 4, 5"),
      zoned: rows("SELECT * FROM agent_desk_llm_zoned ORDER BY 1, 2"),
    };
  } finally {
    db.close();
  }
}

/** Integers equal, sums of money and milliseconds equal to 1e-9 relative (float addition order differs). */
function expectSame(actual: Snapshot, expected: Snapshot) {
  for (const table of ["hourly", "latency", "errors", "zoned"] as const) {
    expect(actual[table].length, table).toBe(expected[table].length);
    actual[table].forEach((row, i) =>
      row.forEach((value, j) => {
        const want = expected[table][i]![j];
        if (typeof value === "number" && !Number.isInteger(value)) expect(value).toBeCloseTo(want as number, 6);
        else expect(value, `${table}[${i}][${j}]`).toBe(want);
      }),
    );
  }
}

function rebuilt(file: string): Snapshot {
  const db = openDatabase(file);
  try {
    rebuildLlmAggregates(db);
  } finally {
    db.close();
  }
  return snapshot(file);
}

const PYTHON_WRITES = `
import sqlite3, sys
def write(sql, args=()):
    with sqlite3.connect(sys.argv[1]) as c:   # one connection per call, like the trading system
        c.execute(sql, args)
insert = ("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, "
          "request_type, success, error_message) VALUES (?, 'cio', 'claude', 'opus-4.1', 1200, 0.0731, ?, 'final_decision', ?, ?)")
for ts, ms, ok in [("2026-01-05T09:15:00.250000", 8123.4, 1), ("2026-01-05 09:45:10", 95.2, 1), ("2026-01-05T00:30:00Z", 15000, 0),
                   ("2026-01-05T09:59:59+09:00", 0.4, 1), ("not a time", 1200, 1), ("2026-01-05T23:59:59.999999", 61000, 0)]:
    write(insert, (ts, ms, ok, None if ok else "Error code: 529 - overloaded"))
write("DELETE FROM llm_usage_log WHERE id = 3")
write("UPDATE llm_usage_log SET cost_usd = cost_usd * 2, timestamp = '2025-01-01T00:00:00' WHERE id = 7")
`;

describe("LLM aggregates", () => {
  it("stay exact through the Python writer's inserts, deletes and updates, equal to a rebuild from scratch", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "10"]);
    await migrateFile(file, { log: () => {} });
    execFileSync("python3", ["-c", PYTHON_WRITES, file]);
    const check = openDatabase(file);
    expect(uncountedLlmCalls(check)).toBe(6); // a counted call deleted and one corrected: noted, not counted again from scratch
    expect(pendingLlmCorrections(check)).toEqual({ notes: 2, keys: 0 });
    check.close();
    await migrateFile(file, { log: () => {} });
    const kept = snapshot(file);
    expect(kept.hourly.some((row) => row[0] === "U2026-01-05T00")).toBe(true);
    expect(kept.hourly.some((row) => row[0] === "?")).toBe(true);
    expectSame(kept, rebuilt(file));

    // Every call deleted: the next count empties the aggregates and waits for the next id.
    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as c: c.execute('DELETE FROM llm_usage_log')",
      file,
    ]);
    const emptied = openDatabase(file);
    countAllNow(emptied);
    expect(uncountedLlmCalls(emptied)).toBe(0);
    emptied.close();
    expect(snapshot(file)).toEqual({ hourly: [], latency: [], errors: [], zoned: [] });
  });

  it("recount a corrected call in its own hours and days only, never the whole log, ending equal to a rebuild", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "10"]);
    await migrateFile(file, { log: () => {} });
    // The trading system corrects counted calls: a cost, a time moved to another day (naive and zoned), a deletion.
    execFileSync("python3", [
      "-c",
      `
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as c:
    c.execute("UPDATE llm_usage_log SET cost_usd = cost_usd + 1.5 WHERE id = 5")
    c.execute("UPDATE llm_usage_log SET timestamp = '2026-01-07T03:04:05Z', success = 0, error_message = 'moved' WHERE id = 9")
    c.execute("UPDATE llm_usage_log SET timestamp = '2026-01-02 23:59:59.5', response_time_ms = 99999 WHERE id = 12")
    c.execute("DELETE FROM llm_usage_log WHERE id IN (20, 21)")
`,
      file,
    ]);
    const db = openDatabase(file);
    expect(pendingLlmCorrections(db).notes).toBe(5);
    expect(uncountedLlmCalls(db)).toBe(0); // pages keep reading the aggregates: nothing to count from scratch
    const corrector = llmCorrector(db);
    let steps = 0;
    while (corrector.step()) steps++;
    expect(steps).toBeLessThan(5);
    expect(pendingLlmCorrections(db)).toEqual({ notes: 0, keys: 0 });
    db.close();
    const kept = snapshot(file);
    expect(kept.hourly.some((row) => row[0] === "U2026-01-07T03")).toBe(true);
    expectSame(kept, rebuilt(file));
  });

  it("recount the whole log when a corrected call's time is no time at all (no index finds such rows)", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "3"]);
    await migrateFile(file, { log: () => {} });
    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as c: c.execute(\"UPDATE llm_usage_log SET timestamp = 'yesterday' WHERE id = 4\")",
      file,
    ]);
    const db = openDatabase(file);
    llmCorrector(db).step(); // the note becomes keys
    llmCorrector(db).step(); // a '?' key: the whole log is marked
    expect(uncountedLlmCalls(db)).toBeGreaterThan(100);
    countAllNow(db);
    db.close();
    expectSame(snapshot(file), rebuilt(file));
  });

  it("count the Python writer's new calls, and only those, in the background count's next step", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "5"]);
    await migrateFile(file, { log: () => {} });
    execFileSync("python3", ["-c", PYTHON_WRITES.split('write("DELETE')[0]!, file]);
    const check = openDatabase(file);
    expect(uncountedLlmCalls(check)).toBe(6);
    llmCounter(check).chunk(); // one step of the server's background count
    expect(uncountedLlmCalls(check)).toBe(0);
    check.close();
    expectSame(snapshot(file), rebuilt(file));
  });

  it("a backfill killed at any statement resumes and ends equal to a rebuild", async () => {
    const dir = tempDir();
    const file = path.join(dir, "big.db");
    execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--llm-rows", "120000", "--days", "30"],
      { stdio: "pipe" },
    );
    const complete = snapshot(file);
    for (const killAt of [2, 5, 6, 9]) {
      const db = openDatabase(file);
      db.exec(
        "DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors; UPDATE agent_desk_backfill SET next_id = 1",
      );
      db.close();
      const child = spawnSync(process.execPath, [
        "--import",
        "tsx",
        "db/testing/kill-at-statement.ts",
        file,
        "backfill",
        String(killAt),
      ]);
      expect(child.signal).toBe("SIGKILL");
      const check = openDatabase(file);
      expect(uncountedLlmCalls(check)).toBeGreaterThan(0);
      check.close();
      await migrateFile(file, { log: () => {} }); // what npm start runs: completes the backfill
      expectSame(snapshot(file), complete);
    }
  });
});

describe("adopting a file, newest first", () => {
  const ODD_TIMES = `
import sqlite3, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
now = datetime.now(ZoneInfo("Asia/Seoul")).replace(tzinfo=None)
insert = ("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) "
          "VALUES (?, 'edge_agent', 'claude', 'opus-4.1', 10, 0.5, 1500, 'analysis', 0, 'odd')")
rows = [(now - timedelta(days=2)).isoformat()[:12],                     # a text cut short: '2026-01-05T0'
        (now - timedelta(days=3)).isoformat().replace("T", " "),        # the space form
        (datetime.now(timezone.utc) - timedelta(days=1)).isoformat(),   # an offset (+00:00)
        (now - timedelta(days=4)).isoformat() + "-11:00",               # a far western offset: another UTC day
        "2026-02-31T10:00:00", "yesterday", "", "9999-12-31T23:59:59"]
with sqlite3.connect(sys.argv[1]) as c:
    for ts in rows: c.execute(insert, (ts,))
`;

  it("serves each period exactly once the count has reached it, and ends equal to counting the log in id order", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "12"]);
    execFileSync("python3", ["-c", ODD_TIMES, file]);
    await migrateFile(file, { log: () => {}, count: false }); // as npm start: served at once, counted by the server
    const db = openDatabase(file);
    expect(llmAdoption(db)?.countedFromMs).toBe(Infinity);
    const adopter = llmAdopter(db, 0); // one hour's text per step, to look at every stage
    const now = Date.now();
    let served = 0;
    let steps = 0;
    for (let step = 0; adopter.step(); step = ++steps) {
      const from = llmAdoption(db)?.countedFromMs ?? -Infinity;
      for (const days of [1, 3, 7, 30]) {
        const since = now - days * 86_400_000;
        if (since < from) continue;
        served++;
        const fast = new LlmWindow(db, "Asia/Seoul", since, now, true);
        const slow = new LlmWindow(db, "Asia/Seoul", since, now, false);
        const calls = (w: LlmWindow) => w.groups().reduce((sum, g) => sum + g.calls, 0);
        expect(calls(fast), `${days} d after step ${step}`).toBe(calls(slow));
        expect(fast.errors()).toEqual(slow.errors());
      }
    }
    expect(steps).toBeGreaterThan(50);
    expect(served).toBeGreaterThan(steps); // recent periods were ready long before the end
    expect(llmAdoption(db)).toBeNull();
    expect(uncountedLlmCalls(db)).toBe(0);
    db.close();
    const adopted = snapshot(file);
    // The same file counted the old way, in id order from the first call.
    const ordered = openDatabase(file);
    ordered.exec(
      "DELETE FROM agent_desk_llm_hourly; DELETE FROM agent_desk_llm_latency; DELETE FROM agent_desk_llm_errors; DELETE FROM agent_desk_llm_zoned",
    );
    ordered
      .prepare(
        "UPDATE agent_desk_backfill SET next_id = (SELECT min(id) FROM llm_usage_log) WHERE name = 'llm_usage_log'",
      )
      .run();
    countAllNow(ordered);
    ordered.close();
    expectSame(adopted, snapshot(file));
    expect(adopted.hourly.filter((row) => row[0] === "?").length).toBeGreaterThan(0);
  });

  it("never scans the whole log: every statement of the background count finds its rows by an index", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "30"]);
    await migrateFile(file, { log: () => {}, count: false });
    const db = openDatabase(file);
    db.exec("ANALYZE");
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
    llmAdopter(db);
    llmCorrector(db);
    llmCounter(db);
    const scans = prepared
      .filter((sql) => /\bllm_usage_log\b/.test(sql) && !/^\s*(SELECT next_id|UPDATE|DELETE)/.test(sql))
      .flatMap((sql) => {
        // The plan, with every parameter NULL: what matters is which access path SQLite picks, not the rows.
        const named = Object.fromEntries((sql.match(/@\w+/g) ?? []).map((name) => [name.slice(1), null]));
        const positional = new Array((sql.replace(/'[^']*'/g, "").match(/\?/g) ?? []).length).fill(null);
        const args = Object.keys(named).length > 0 ? [...positional, named] : positional;
        const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
        return plan
          .map((p) => p.detail)
          .filter((d) => /^SCAN (l|llm_usage_log)\b/.test(d))
          .map((d) => `${d}: ${sql}`);
      });
    db.close();
    expect(prepared.length).toBeGreaterThan(10);
    expect(scans).toEqual([]);
  });

  it("killed at any statement, goes on where it stopped and ends equal to a rebuild", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "6"]);
    execFileSync("python3", ["-c", ODD_TIMES, file]);
    await migrateFile(file, { log: () => {}, count: false });
    for (const killAt of [1, 3, 5, 8]) {
      const child = spawnSync(process.execPath, [
        "--import",
        "tsx",
        "db/testing/kill-at-statement.ts",
        file,
        "adopt",
        String(killAt),
      ]);
      expect(child.signal).toBe("SIGKILL");
    }
    const db = openDatabase(file);
    expect(llmAdoption(db)).not.toBeNull();
    countAllNow(db);
    db.close();
    expectSame(snapshot(file), rebuilt(file));
  });
});

describe("latency buckets", () => {
  it("stand for every latency in them within 5 %", () => {
    const db = new Database(":memory:");
    for (const ms of [0.4, 7, 10, 99.9, 100, 104, 999, 1000, 1099, 8123.4, 61000, 599999]) {
      const bucket = db.prepare(`SELECT ${latencyBucketSql("?")} AS b`).get(ms, ms) as { b: number };
      const error = Math.abs(bucketMidpointMs(bucket.b) - ms) / ms;
      if (ms >= 10) expect(error, `${ms} ms`).toBeLessThanOrEqual(0.05);
      else expect(Math.abs(bucketMidpointMs(bucket.b) - ms)).toBeLessThanOrEqual(0.5); // below 10 ms: within half a ms
    }
  });
});

describe("reading a window from the aggregates", () => {
  it("gives the same figures as reading every raw row, for windows of any length and edge", () => {
    const file = path.join(tempDir(), "seeded.db");
    execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "60"], {
      stdio: "pipe",
    });
    const db = openDatabase(file);
    const now = Date.now();
    for (const hours of [0.5, 1.5, 5, 24, 36.25, 24 * 7 + 0.3, 24 * 30, 24 * 59.9]) {
      const since = now - hours * 3_600_000;
      const fast = new LlmWindow(db, "Asia/Seoul", since, now, true);
      const slow = new LlmWindow(db, "Asia/Seoul", since, now, false);
      const sortGroups = (w: LlmWindow) =>
        w
          .groups()
          .filter((g) => g.calls !== 0)
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      const [a, b] = [sortGroups(fast), sortGroups(slow)];
      expect(
        a.map((g) => [g.agentName, g.provider, g.model, g.requestType, g.calls, g.successes, g.tokens]),
        `${hours} h`,
      ).toEqual(b.map((g) => [g.agentName, g.provider, g.model, g.requestType, g.calls, g.successes, g.tokens]));
      a.forEach((g, i) => expect(g.cost).toBeCloseTo(b[i]!.cost, 6));
      expect(fast.daily().map((d) => [d.date, d.provider, d.calls])).toEqual(
        slow.daily().map((d) => [d.date, d.provider, d.calls]),
      );
      const count = (pairs: [number, number][]) => pairs.reduce((sum, [, n]) => sum + n, 0);
      expect(count(fast.latencies())).toBe(count(slow.latencies()));
      expect(fast.errors()).toEqual(slow.errors());
    }
    db.close();
  });
});

describe("the range cache", () => {
  it("keeps a window's figures until a call lands in one of its hours, however late it is written", () => {
    const file = path.join(tempDir(), "seeded.db");
    execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "40"], {
      stdio: "pipe",
    });
    const db = openDatabase(file);
    const cache = new LlmRangeCache();
    const now = Date.now();
    const figures = (useCache: boolean) => {
      llmCounter(db).chunk(); // the server's background count, then what each read does: sync the cache
      if (useCache) cache.sync(db);
      const window = new LlmWindow(db, "Asia/Seoul", now - 30 * 86_400_000, now, true, useCache ? cache : undefined);
      const calls = window.groups().reduce((sum, g) => sum + g.calls, 0);
      const latencies = window.latencies().reduce((sum, [, n]) => sum + n, 0);
      const failed = window.errors().reduce((sum, e) => sum + e.count, 0);
      return { calls, latencies, failed, days: window.daily().length };
    };
    const first = figures(true);
    expect(figures(true)).toEqual(first);
    expect(first).toEqual(figures(false));

    // Late writes: a call dated ten days back (naive, Seoul) and a failed one twenty days back (UTC).
    execFileSync("python3", [
      "-c",
      `
import sqlite3, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
insert = ("INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) "
          "VALUES (?, 'cio', 'claude', 'opus-4.1', 100, 0.01, 1234, 'final_decision', ?, ?)")
with sqlite3.connect(sys.argv[1]) as c:
    c.execute(insert, ((datetime.now(ZoneInfo("Asia/Seoul")) - timedelta(days=10)).replace(tzinfo=None).isoformat(), 1, None))
with sqlite3.connect(sys.argv[1]) as c:
    c.execute(insert, ((datetime.now(timezone.utc) - timedelta(days=20)).isoformat(), 0, "late"))
`,
      file,
    ]);
    const later = figures(true);
    // A late call may open a day × provider pair the seed left empty (the seed moves with the date): only more, never
    // fewer.
    expect(later).toEqual({
      ...first,
      calls: first.calls + 2,
      latencies: first.latencies + 2,
      failed: first.failed + 1,
      days: later.days,
    });
    expect(later.days).toBeGreaterThanOrEqual(first.days);
    expect(later).toEqual(figures(false));
    db.close();
  });
});
