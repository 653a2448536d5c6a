// The file the trading system writes can disappear, come back, be replaced by a restored copy, or turn read-only
// while Agent Desk runs: pages and the API say so, writes are refused with nothing written, and it recovers
// without a restart.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as usage from "@/app/api/llm/usage/route";
import * as health from "@/app/api/health/route";
import { database, databaseProblem, DatabaseUnavailable, OWN_FILE } from "@/db";
import { useTradingFile } from "@/db/testing/upstream-file";
import { recordSwap } from "./commands/model-swaps";
import { markReviewed } from "./commands/reviews";
import { lastDays } from "@/lib/period";
import { sayWith, type Say } from "@/lib/say";
import { createTranslator } from "use-intl/core";
import koEvolution from "@/messages/ko/evolution.json";
import { getLlmUsageStats } from "./queries/llm-usage";

let file = "";
const swap = (say?: Say) =>
  recordSwap(
    {
      agent: "cio",
      provider: "gpt",
      model: "gpt-5",
      reason: "fault test",
      expectedImprovement: "0.1",
      validationDays: "7",
      rollbackThreshold: "-0.1",
      requestId: crypto.randomUUID(),
    },
    { name: "fault test", trigger: "manual" },
    say,
  );
const rows = () =>
  database(OWN_FILE).sqlite.prepare("SELECT count(*) FROM model_evolution_history").pluck().get() as number;
const calls = () => {
  const clock = { now: Date.now(), zone: "Asia/Seoul" };
  return Object.values(getLlmUsageStats({ ...clock, period: lastDays(3650, clock) }).providerStats).reduce(
    (sum, p) => sum + p.totalRequests,
    0,
  );
};

beforeAll(async () => {
  ({ file } = await useTradingFile(["--days", "10"]));
});

describe("when the database file", () => {
  it("disappears, reads and writes say so and nothing is created; when it is back, all works again", async () => {
    const before = calls();
    fs.renameSync(file, `${file}.away`);
    try {
      expect(databaseProblem()?.kind).toBe("missing");
      expect(() => database(OWN_FILE)).toThrow(DatabaseUnavailable);
      expect(swap()).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Nothing was recorded: The database file is missing/),
      });
      // A Korean reader gets the whole refusal in Korean: the problem is said by key, not in English words.
      const ko = createTranslator({ locale: "ko", messages: koEvolution });
      const korean = sayWith((key, values) => (ko as (key: string, values: object) => string)(`says.${key}`, values));
      expect(swap(korean)).toMatchObject({
        ok: false,
        error: "아무것도 기록되지 않았습니다: " + koEvolution.says.database.missing,
      });
      expect(markReviewed("cio", "a note", null, "fault test")).toMatchObject({ ok: false });
      const api = await usage.GET(new Request("http://localhost/api/llm/usage"));
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: "the database file is missing" });
      const ping = await health.GET(new Request("http://127.0.0.1/api/health"));
      expect(ping.status).toBe(503);
      expect(JSON.stringify(await ping.json())).not.toContain(path.dirname(file));
      expect(fs.existsSync(file)).toBe(false); // never created again behind the trading system's back
    } finally {
      fs.renameSync(`${file}.away`, file);
    }
    expect(databaseProblem()).toBeNull();
    expect(calls()).toBe(before);
  });

  it("is replaced by another file (a restored copy), the new one is read without a restart", () => {
    const before = calls();
    const copy = `${file}.restored`;
    fs.copyFileSync(file, copy);
    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nwith sqlite3.connect(sys.argv[1]) as c: c.execute(\"INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (datetime('now', '+9 hours'), 'cio', 'claude', 'opus-4.1', 1, 0.01, 100, 'final_decision', 1)\")",
      copy,
    ]);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.renameSync(copy, file);
    expect(calls()).toBe(before + 1);
  });

  it("turns read-only, writes are refused with nothing written and reads go on; writable again, writes work", () => {
    const before = rows();
    fs.chmodSync(file, 0o444);
    try {
      expect(databaseProblem()?.kind).toBe("read-only");
      expect(swap()).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Nothing was recorded: The database file is read-only/),
      });
      expect(markReviewed("cio", "a note", null, "fault test")).toMatchObject({
        ok: false,
        error: expect.stringMatching(/read-only/),
      });
      expect(rows()).toBe(before);
      expect(calls()).toBeGreaterThan(0);
    } finally {
      fs.chmodSync(file, 0o644);
    }
    expect(swap()).toMatchObject({ ok: true });
    expect(rows()).toBe(before + 1);
  });

  it("sits on a full disk, writes are refused with nothing written and reads go on; with space again, writes work", () => {
    const before = rows();
    const full = vi.spyOn(fs, "statfsSync").mockReturnValue({ bavail: 0, bsize: 4096 } as fs.StatsFs); // the fault, injected
    try {
      expect(databaseProblem()?.kind).toBe("disk-full");
      expect(swap()).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Nothing was recorded: The disk holding the database file is full/),
      });
      expect(rows()).toBe(before);
      expect(calls()).toBeGreaterThan(0);
    } finally {
      full.mockRestore();
    }
    expect(databaseProblem()).toBeNull();
  });
});
