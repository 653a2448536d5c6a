import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { countNow, useTradingFile } from "@/db/testing/upstream-file";
import { addDays, calendarDate } from "@/lib/event-time";
import { canonicalModel } from "@/lib/model-names";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { getSwapCostBasis } from "./swap-cost-basis";

const ZONE = "Asia/Seoul";
const now = Date.now();
const clock = { now, zone: ZONE };
const today = calendarDate(now, ZONE);
const first = addDays(today, -7);
let file: string;
let configFile: string;

beforeAll(async () => {
  ({ file, configFile } = await useTradingFile(["--days", "12"]));
  const db = new Database(file);
  const insert = db.prepare(
    "INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) VALUES (?, 'cio', 'claude', ?, ?, ?, 1200, 'final_decision', 1, NULL)",
  );
  // cio under its API id (grouped with opus-4.1), on the basis's first instant and on today's (left out).
  insert.run(`${first}T00:00:00`, "claude-opus-4-1-20250805", 1000, 0.035);
  insert.run(`${addDays(today, -2)}T12:30:00.250000`, "claude-opus-4-1-20250805", 2000, 0.07);
  insert.run(`${today}T00:00:00`, "opus-4.1", 5000, 0.2);
  // One second before the basis: left out.
  insert.run(`${addDays(first, -1)}T23:59:59`, "sonnet-4", 3000, 0.03);
  db.close();
  countNow(file);
});

/** Tokens and cost per agent and canonical model in [first, today), summed from the raw rows. */
function fromRawRows() {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT agent_name AS agent, model, sum(tokens_used) AS tokens, total(cost_usd) AS cost FROM llm_usage_log
         WHERE timestamp >= ? AND timestamp < ? GROUP BY 1, 2`,
      )
      .all(`${first}T00:00:00`, `${today}T00:00:00`) as {
      agent: string;
      model: string;
      tokens: number;
      cost: number;
    }[];
    const sums = new Map<string, { tokens: number; cost: number }>();
    for (const row of rows) {
      const key = `${row.agent} ${canonicalModel(row.model)}`;
      const sum = sums.get(key) ?? { tokens: 0, cost: 0 };
      sums.set(key, { tokens: sum.tokens + row.tokens, cost: sum.cost + row.cost });
    }
    return sums;
  } finally {
    db.close();
  }
}

describe("the swap form's cost basis", () => {
  it("holds each agent's tokens and cost per canonical model of the last 7 full days, as the raw rows do", () => {
    const basis = getSwapCostBasis(clock)!;
    expect([basis.first, basis.last]).toEqual([first, addDays(today, -1)]);

    const expected = fromRawRows();
    const found = Object.entries(basis.agents).flatMap(([agent, models]) =>
      models.map((m) => [`${agent} ${m.model}`, m] as const),
    );
    expect(found.map(([key]) => key).sort()).toEqual([...expected.keys()].sort());
    for (const [key, usage] of found) {
      expect(usage.tokens, key).toBe(expected.get(key)!.tokens);
      expect(usage.cost, key).toBeCloseTo(expected.get(key)!.cost, 9);
    }
    // The Python writer's own calls and the two under the API id, in one group.
    const cio = basis.agents.cio!;
    expect(cio.map((m) => m.model)).toEqual(["opus-4.1"]);
    expect(cio[0]!.provider).toBe("claude");

    const deskCost = [...expected.values()].reduce((sum, s) => sum + s.cost, 0);
    expect(basis.deskCost).toBeCloseTo(deskCost, 9);
  });

  it("carries the agent config's limits", () => {
    const limits = loadAgentConfig(configFile);
    const basis = getSwapCostBasis(clock)!;
    expect([basis.costLimitDaily, basis.costLimitWeekly]).toEqual([limits.costLimitDaily, limits.costLimitWeekly]);
  });
});
