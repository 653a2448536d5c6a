import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { countNow, useTradingFile } from "@/db/testing/upstream-file";
import { naiveIso, parseEventTime } from "@/lib/event-time";
import { canonicalModel } from "@/lib/model-names";
import { getAgentRuns, LAST_CALLS } from "./agent-runs";

const ZONE = "Asia/Seoul";
const HOUR_MS = 3_600_000;
const now = Date.now();
const clock = { now, zone: ZONE };
// The writer's calls end yesterday before 16:00 in Seoul: everything below is newer than all of them.
const swapAt = now - 6 * HOUR_MS;
const firstCallAt = now - 4 * HOUR_MS;
let file: string;

/** Writes with plain SQL on a connection of its own, as the trading system does. */
function write(sql: string, ...rows: unknown[][]) {
  const db = new Database(file);
  try {
    const statement = db.prepare(sql);
    for (const row of rows) statement.run(...row);
  } finally {
    db.close();
  }
}

const recordSwap = (at: number, agent: string, from: [string, string], to: [string, string]) =>
  write(
    `INSERT INTO model_evolution_history (timestamp, agent_name, old_provider, old_model, new_provider, new_model, reason,
       performance_improvement, triggered_by, validation_period_days, rollback_threshold) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    [naiveIso(at, ZONE), agent, ...from, ...to, "수동 교체", 0.05, "manual", 7, -0.1],
  );

const recordCalls = (agent: string, provider: string, model: string, times: number[]) =>
  write(
    `INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms,
       request_type, success, error_message) VALUES (?,?,?,?,?,?,?,?,?,?)`,
    ...times.map((at) => [naiveIso(at, ZONE), agent, provider, model, 1200, 0.01, 900, "analysis", 1, null]),
  );

/** The canonical models of an agent's last 50 calls of the 14 days read, newest first, from the raw rows. */
function lastCallsFromRawRows(agent: string) {
  const db = new Database(file, { readonly: true });
  try {
    const since = naiveIso(Math.floor((now - 14 * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS, ZONE);
    const models = db
      .prepare(
        "SELECT model FROM llm_usage_log WHERE agent_name = ? AND timestamp >= ? ORDER BY timestamp DESC LIMIT ?",
      )
      .pluck()
      .all(agent, since, LAST_CALLS) as string[];
    const counts = new Map<string, number>();
    for (const model of models.map(canonicalModel)) counts.set(model, (counts.get(model) ?? 0) + 1);
    return [...counts].map(([model, calls]) => ({ model, calls }));
  } finally {
    db.close();
  }
}

const startOfHour = (at: number) => parseEventTime(`${naiveIso(at, ZONE).slice(0, 13)}:00:00`, ZONE)!;

beforeAll(async () => {
  ({ file } = await useTradingFile(["--days", "30"]));
  // risk_analyst: a swap to sonnet-4 the trading system never picked up, and calls of yet another model after it.
  recordSwap(swapAt, "risk_analyst", ["gemini", "flash-2.5"], ["claude", "sonnet-4"]);
  recordCalls(
    "risk_analyst",
    "gemini",
    "gemini-2.5-pro",
    Array.from({ length: 30 }, (_, i) => firstCallAt + i * 6 * 60_000),
  );
  // valuation_analyst: a swap recorded, neither the config nor the calls followed.
  recordSwap(swapAt, "valuation_analyst", ["gemini", "flash-2.5"], ["claude", "claude-opus-4-1-20250805"]);
  countNow(file);
});

describe("what each agent runs, by its config, its swaps and its calls", () => {
  it("names the three sources of an agent that runs neither its config's model nor its recorded one", () => {
    const runs = getAgentRuns(clock).find((r) => r.agent === "risk_analyst")!;
    expect(runs.config).toEqual({ provider: "gemini", model: "flash-2.5" });
    expect(runs.recorded).toEqual({
      provider: "claude",
      model: "sonnet-4",
      atMs: parseEventTime(naiveIso(swapAt, ZONE), ZONE),
    });
    const expected = lastCallsFromRawRows("risk_analyst");
    expect(expected[0]).toEqual({ model: "gemini-2.5-pro", calls: 30 });
    expect(expected.reduce((sum, m) => sum + m.calls, 0)).toBe(LAST_CALLS);
    expect(runs.called).toEqual({
      models: expected,
      calls: LAST_CALLS,
      model: "gemini-2.5-pro",
      since: startOfHour(firstCallAt),
    });
    expect(runs.agree).toBe(false);
    expect(runs.differs).toEqual(["config", "recorded", "called"]);
    expect(getAgentRuns(clock, { agent: "risk_analyst" })).toEqual([runs]);
  });

  it("singles out the one source that disagrees, comparing canonical names", () => {
    const runs = getAgentRuns(clock, { agent: "valuation_analyst" })[0]!;
    expect(runs.recorded?.model).toBe("claude-opus-4-1-20250805");
    expect(runs.called?.models).toEqual(lastCallsFromRawRows("valuation_analyst"));
    expect(runs.called?.model).toBe("flash-2.5");
    // It called flash-2.5 in every hour read: since when, the 14 days cannot tell.
    expect(runs.called?.since).toBeNull();
    expect(runs).toMatchObject({ agree: false, differs: ["recorded"] });
  });

  it("finds an agent whose config, latest swap and calls agree, and one never swapped", () => {
    const all = getAgentRuns(clock);
    expect(all.find((r) => r.agent === "cio")).toMatchObject({
      config: { model: "opus-4.1" },
      recorded: { model: "opus-4.1" },
      called: { model: "opus-4.1", models: lastCallsFromRawRows("cio") },
      agree: true,
      differs: [],
    });
    expect(all.find((r) => r.agent === "flow_analyst")).toMatchObject({ recorded: null, agree: true, differs: [] });
    expect(getAgentRuns(clock, { agent: "nobody" })).toEqual([]);
  });

  it("reads the newest calls the count has not reached yet", () => {
    const at = Date.now();
    recordCalls("valuation_analyst", "claude", "opus-4.1", [at]);
    const runs = getAgentRuns({ now: at + 1, zone: ZONE }, { agent: "valuation_analyst" })[0]!;
    expect(runs.called).toMatchObject({ model: "opus-4.1", since: startOfHour(at) });
    expect(runs.called?.models[0]).toEqual({ model: "opus-4.1", calls: 1 });
    expect(runs).toMatchObject({ agree: false, differs: ["config"] });
  });
});
