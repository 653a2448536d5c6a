import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/db/connection";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { parseEventTime } from "@/lib/event-time";
import { BUNDLED_AGENT_CONFIG_PATH } from "@/lib/server/config";
import { seedFile, type SeedOptions } from ".";
import { TRADING_TABLES } from "./guard";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agent-desk-seed-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const base: SeedOptions = {
  days: 30,
  llmRows: undefined,
  trades: undefined,
  seed: 11,
  end: "2025-09-19",
  timeZone: "Asia/Seoul",
  agentConfig: loadAgentConfig(BUNDLED_AGENT_CONFIG_PATH),
};

async function seeded(name: string, options: Partial<SeedOptions> = {}): Promise<string> {
  const file = path.join(dir, name);
  await seedFile(file, { ...base, ...options });
  return file;
}

function dump(file: string): Record<string, unknown[]> {
  const db = openDatabase(file, { readonly: true });
  try {
    return Object.fromEntries(
      TRADING_TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all()]),
    );
  } finally {
    db.close();
  }
}

describe("a seed and an end date fix the data", () => {
  test("the same seed gives identical rows, a different seed different ones", async () => {
    const first = dump(await seeded("first.db"));
    expect(dump(await seeded("again.db"))).toEqual(first);
    const other = dump(await seeded("other.db", { seed: 12 }));
    for (const table of ["trades", "llm_usage_log", "system_metrics"]) expect(other[table]).not.toEqual(first[table]);
  });

  test("--llm-rows gives exactly that many rows, and the other tables stay consistent with them", async () => {
    const file = await seeded("scaled.db", { days: 90, llmRows: 200_000 });
    const db = openDatabase(file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM llm_usage_log").pluck().get()).toBe(200_000);
      const logged = db.prepare("SELECT sum(cost_usd) FROM llm_usage_log").pluck().get() as number;
      const daily = db.prepare("SELECT sum(total_cost_usd) FROM system_metrics").pluck().get() as number;
      expect(daily).toBeCloseTo(logged, 2);
      const indexes = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'llm_usage_log' ORDER BY name")
        .pluck()
        .all();
      expect(indexes).toEqual(["idx_llm_usage_agent", "idx_llm_usage_provider", "idx_llm_usage_timestamp"]);
    } finally {
      db.close();
    }
  });
});

describe("--trades", () => {
  test("spreads that many trades over the trading days, in time order, with unique ids, and the metrics count them", async () => {
    const file = await seeded("trades.db", { days: 90, llmRows: 30_000, trades: 5_000 });
    const db = openDatabase(file, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM trades").pluck().get()).toBe(5_000); // an end date in the past: no cut at now
      expect(db.prepare("SELECT count(DISTINCT trade_id) FROM trades").pluck().get()).toBe(4_999); // and the one without an id
      const instants = (db.prepare("SELECT timestamp FROM trades ORDER BY rowid").pluck().all() as string[]).map((t) =>
        parseEventTime(t, "Asia/Seoul")!,
      );
      expect(instants.every((t, i) => i === 0 || t >= instants[i - 1]!)).toBe(true);
      expect(db.prepare("SELECT sum(total_trades) FROM system_metrics").pluck().get()).toBe(5_000);
    } finally {
      db.close();
    }
  });
});

test("a demo seeded early on a trading day, when only its first run has started, has that day's trades so far", async () => {
  const file = await seeded("early.db", { now: new Date("2025-09-19T09:20:00+09:00") });
  const db = openDatabase(file, { readonly: true });
  try {
    const today = db.prepare("SELECT count(*) FROM trades WHERE timestamp >= '2025-09-19'").pluck().get() as number;
    expect(today).toBeLessThanOrEqual(1);
  } finally {
    db.close();
  }
});
