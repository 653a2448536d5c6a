import "server-only";
import { database } from "@/db";
import { TRADE_JSON_COLUMNS, waitingTradeChanges } from "@/db/aggregates/trade-facts";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { llmAdoption } from "@/db/aggregates/llm-adoption";
import type { RequestClock } from "@/lib/read-context";
import { llmAggregatesUsable } from "./open-llm-window";

/** What is odd, as a key of /system's `quality.note` messages, and the values its message takes. */
export type DataQualityKind =
  | "unreadableTime"
  | "zonedTime"
  | "tradeWithoutId"
  | "tradeChangesWaiting"
  | "nonFiniteJson"
  | "unreadableJson"
  | "nonNumericContributions"
  | "unknownAgents";

export type DataQualityNote = { subject: string; count: number; kind: DataQualityKind; values: Record<string, string> };

const EVENT_TIME_GLOB = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*";

/**
 * What in the file is odd but not fatal, counted so it can be shown: Agent Desk reads around all of it.
 * Only notes with a non-zero count are returned.
 */
export function getDataQuality(clock: RequestClock): DataQualityNote[] {
  const { sqlite, config } = database(clock);
  const count = (sql: string, ...args: unknown[]) =>
    (sqlite
      .prepare(sql)
      .pluck()
      .get(...args) as number) ?? 0;
  const notes: DataQualityNote[] = [];
  const add = (subject: string, n: number, kind: DataQualityKind, values: Record<string, string> = {}) =>
    n > 0 && notes.push({ subject, count: n, kind, values });

  // The LLM log is counted from its aggregates (keyed '?' and 'U…' exactly for these rows) once they hold it.
  const fromAggregates = llmAggregatesUsable(sqlite);
  // A file being adopted: its LLM log's odd rows are noted once the background count has read it (a raw count here
  // would take seconds at 10M calls); /system's background count says how far it is.
  const adopting = llmAdoption(sqlite) !== null;
  for (const table of adopting
    ? ["trades", "model_evolution_history"]
    : ["llm_usage_log", "trades", "model_evolution_history"]) {
    const aggregated = fromAggregates && table === "llm_usage_log";
    add(
      `${table}.timestamp`,
      aggregated
        ? count("SELECT total(calls) FROM agent_desk_llm_hourly WHERE hour = '?'")
        : count(`SELECT count(*) FROM ${table} WHERE timestamp NOT GLOB ?`, EVENT_TIME_GLOB),
      "unreadableTime",
    );
    add(
      `${table}.timestamp`,
      aggregated
        ? count("SELECT total(calls) FROM agent_desk_llm_hourly WHERE hour GLOB 'U*'")
        : count(
            `SELECT count(*) FROM ${table} WHERE timestamp GLOB '*Z' OR timestamp GLOB '????-??-??[T ]??:??*[+-]??*'`,
          ),
      "zonedTime",
      { zone: clock.zone },
    );
  }
  add("trades.trade_id", count("SELECT count(*) FROM trades WHERE trade_id IS NULL"), "tradeWithoutId");

  // The trades' JSON as the trade aggregates classified it (see migrations/0006), instead of parsing every trade here.
  add("agent_desk_trade_changes", waitingTradeChanges(sqlite), "tradeChangesWaiting");
  const bits = TRADE_JSON_COLUMNS.flatMap((_, bit) => [
    `total(nan_json & ${1 << bit} > 0)`,
    `total(broken_json & ${1 << bit} > 0)`,
  ]);
  const odd = sqlite
    .prepare(`SELECT ${bits.join(", ")}, total(non_numeric) FROM agent_desk_trades`)
    .raw()
    .get() as number[];
  TRADE_JSON_COLUMNS.forEach((column, bit) => {
    add(`trades.${column}`, odd[2 * bit]!, "nonFiniteJson");
    add(`trades.${column}`, odd[2 * bit + 1]!, "unreadableJson");
  });
  add("trades.agent_contributions", odd[2 * TRADE_JSON_COLUMNS.length]!, "nonNumericContributions");

  const roster = new Set(Object.keys(loadAgentConfig(config.agentConfigPath).agents));
  const seen = sqlite
    .prepare(
      `SELECT DISTINCT agent_name FROM ${fromAggregates || adopting ? "agent_desk_llm_hourly" : "llm_usage_log"}`,
    )
    .pluck()
    .all() as string[];
  const unknown = seen.filter((name) => !roster.has(name));
  add("agents", unknown.length, "unknownAgents", { agents: unknown.join(", ") });
  return notes;
}
