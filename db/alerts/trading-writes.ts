// Test support: rows written into a file the way the trading system writes them (python3, stdlib sqlite3, one
// connection per write, booleans as 1/0, naive isoformat() times), then counted as the server's background does.
import { execFileSync } from "node:child_process";
import { forgetServerState } from "@/db/testing/server-state";
import { countNow, useTradingFile as migratedTradingFile } from "@/db/testing/upstream-file";
import type { AlertRule, RuleKind, RuleParams } from "@/lib/alerts/rules";
import { naiveIso } from "@/lib/event-time";

export const ZONE = "Asia/Seoul";

const INSERT = `
import json, sqlite3, sys
for table, row in json.load(sys.stdin):
    with sqlite3.connect(sys.argv[1]) as c:
        c.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
`;

type Row = Record<string, string | number | boolean | null>;

/**
 * A file the trading system's writer made (a day of its rows, dated at the real now), migrated and counted as npm
 * start and the server do, set as this process's DATABASE_PATH: the server modules open it on their next read.
 */
export async function alertTestFile(): Promise<string> {
  const { file } = await migratedTradingFile(["--days", "1"]);
  forgetServerState();
  return file;
}

/** Inserts rows with the trading system's Python code path, then counts them as the server's background count. */
export function pythonWrites(file: string, rows: [table: string, row: Row][]): void {
  execFileSync("python3", ["-c", INSERT, file], { input: JSON.stringify(rows) });
  countNow(file, ZONE);
}

/** An LLM call at `at` (naive Seoul time, as the trading system writes it): a success unless `error` is given. */
export function llmCall(
  at: number,
  { provider = "claude", model = "opus-4.1", agent = "cio", cost = 0.01, error = null as string | null } = {},
): [string, Row] {
  return [
    "llm_usage_log",
    {
      timestamp: naiveIso(at, ZONE),
      agent_name: agent,
      provider,
      model,
      tokens_used: 1000,
      cost_usd: cost,
      response_time_ms: 1200.5,
      request_type: "analysis",
      success: error === null,
      error_message: error,
    },
  ];
}

/** A trade at `at` with its agents' contributions and its 7-day PnL already filled in. */
export function trade(id: string, at: number, contributions: Record<string, number>, pnl7Days: number): [string, Row] {
  return [
    "trades",
    {
      trade_id: id,
      timestamp: naiveIso(at, ZONE),
      ticker: "005930",
      action: "buy",
      quantity: 10,
      price: 70000,
      justification_text: "테스트 매수",
      market_snapshot: "{}",
      portfolio_before: "{}",
      pnl_7_days: pnl7Days,
      agent_contributions: JSON.stringify(contributions),
      decision_confidence: 0.7,
      analysis_metadata: null,
    },
  ];
}

/** A model swap the trading system records itself (its own automatic swaps, or an operator's by hand). */
export function swap(
  at: number,
  agent: string,
  from: [provider: string, model: string],
  to: [provider: string, model: string],
  { trigger = "manual", days = 3, reason = "test swap" } = {},
): [string, Row] {
  return [
    "model_evolution_history",
    {
      timestamp: naiveIso(at, ZONE),
      agent_name: agent,
      old_provider: from[0],
      old_model: from[1],
      new_provider: to[0],
      new_model: to[1],
      reason,
      performance_improvement: 0.1,
      triggered_by: trigger,
      validation_period_days: days,
      rollback_threshold: -0.1,
    },
  ];
}

/** A rule of `kind` with `params`, as the evaluator hands it to measure(). */
export function ruleOf<K extends RuleKind>(kind: K, params: RuleParams<K>): AlertRule {
  return { id: 1, kind, name: kind, params, enabled: true, repeatMinutes: 60 };
}

/** The agent config's defaults and the server's switches, as the evaluator passes them. */
export function settingsFor(databasePath: string, autoRollback = false) {
  return { costLimitDaily: 50, costLimitWeekly: 300, costAlertThreshold: 0.8, autoRollback, databasePath };
}

/** An instant given as Seoul wall-clock text (`2030-03-06T10:30`). */
export function seoul(wall: string): number {
  return Date.parse(`${wall}:00+09:00`);
}

const HOUR_MS = 3_600_000;

/**
 * A swap at `at` with a 3-day window, judged by LLM success (the agent takes no part in trades): 60 calls before it,
 * all fine, and 60 after it (from the first whole hour), three in four failing. Once its window has ended: breached.
 */
export function breachedSwap(at: number, agent: string, from: [string, string], to: [string, string]) {
  const start = Math.ceil(at / HOUR_MS) * HOUR_MS;
  return [
    swap(at, agent, from, to, { days: 3, reason: `${agent} to ${to[1]}` }),
    ...Array.from({ length: 60 }, (_, k) =>
      llmCall(at - (k + 1) * HOUR_MS, { agent, provider: from[0], model: from[1] }),
    ),
    ...Array.from({ length: 60 }, (_, k) =>
      llmCall(start + HOUR_MS / 2 + k * HOUR_MS, {
        agent,
        provider: to[0],
        model: to[1],
        error: k % 4 ? "Error code: 529 - overloaded" : null,
      }),
    ),
  ];
}
