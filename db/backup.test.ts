import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";

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
    const before = new Database(file, { readonly: true }).prepare("SELECT count(*) FROM llm_usage_log").pluck().get() as number;
    const writer = spawn("python3", ["-c", WRITER, file, "4"]);
    let written = "";
    writer.stdout.on("data", (chunk) => (written += chunk));
    await new Promise((r) => setTimeout(r, 1000));
    const out = path.join(dir, "copies", "copy.db");
    const backup = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", "--db", file, "--out", out], { encoding: "utf8" });
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
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", "--db", file, "--out", out], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^error: --out .*taken\.db already exists; choose another file$/);
    expect(fs.readFileSync(out, "utf8")).toBe("mine");
  });
});
