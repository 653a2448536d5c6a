import "server-only";
import { database } from "@/db";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { canonicalModel } from "@/lib/model-names";
import type { RequestClock } from "@/lib/read-context";
import { llmCallsBetween } from "./open-llm-window";
import { getSwapLog } from "./swap-log";

const HOUR_MS = 3_600_000;
// How far back the hourly aggregates are read: two weeks of hour rows, however many calls the log holds.
const SCAN_DAYS = 14;
export const LAST_CALLS = 50;

/** Where a model an agent runs can be read from: the config it starts with, the swap log, its LLM calls. */
export type RunSource = "config" | "recorded" | "called";

/** One hour's calls per canonical model. */
type Hour = Map<string, number>;

/**
 * What each agent runs, by three sources that can disagree: its config (`config`, when AGENT_CONFIG_PATH names the
 * trading system's), its latest swap (`recorded`) and its newest LLM calls (`called`), read from the hourly
 * aggregates of the last 14 days. Models are compared by canonical name; `differs` names the sources that disagree with the others (all of them when no model has a
 * majority). `agent` limits the answer to one agent.
 */
export function getAgentRuns(clock: RequestClock, { agent }: { agent?: string } = {}) {
  const { config } = database(clock);
  // Without AGENT_CONFIG_PATH the file read is the bundled example, not what the trading system starts with: it is
  // no source of what an agent runs, and naming it would flag every swap the trading system ever made.
  const configured = config.agentConfigIsTradingSystems ? loadAgentConfig(config.agentConfigPath).agents : {};
  const latestSwap = new Map<string, ReturnType<typeof getSwapLog>[number]>();
  for (const swap of getSwapLog(clock, { agent }))
    if (!latestSwap.has(swap.agentName)) latestSwap.set(swap.agentName, swap);
  const fromMs = Math.floor((clock.now - SCAN_DAYS * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS;
  const hoursOf = new Map<string, Map<number, Hour>>();
  for (const row of llmCallsBetween(clock, fromMs, clock.now).hourlyModels(agent)) {
    if (row.calls <= 0) continue; // an hour whose calls were all corrected away
    const hours = hoursOf.get(row.agentName) ?? hoursOf.set(row.agentName, new Map()).get(row.agentName)!;
    const hour = hours.get(row.startMs) ?? hours.set(row.startMs, new Map()).get(row.startMs)!;
    const model = canonicalModel(row.model);
    hour.set(model, (hour.get(model) ?? 0) + row.calls);
  }

  const names = [...new Set([...Object.keys(configured), ...latestSwap.keys(), ...hoursOf.keys()])].filter(
    (name) => agent === undefined || name === agent,
  );
  return names.map((name) => {
    const settings = configured[name];
    const swap = latestSwap.get(name);
    const hours = hoursOf.get(name);
    const runs = {
      agent: name,
      config: settings ? { provider: settings.provider, model: settings.model } : null,
      recorded: swap ? { provider: swap.newProvider, model: swap.newModel, atMs: swap.atMs } : null,
      called: hours ? calledModels([...hours].sort(([a], [b]) => b - a)) : null,
    };
    return { ...runs, ...agreement(runs) };
  });
}

export type AgentRuns = ReturnType<typeof getAgentRuns>[number];

/**
 * The models of the last 50 calls (fewer when the hours read hold fewer), newest first, and the model of the newest hour with the start of the hour since
 * which the agent has called only it (null when it called several models in its newest hour, or nothing else in the
 * hours read: then it has for longer than they tell).
 */
function calledModels(hours: [number, Hour][]) {
  const counts = new Map<string, number>();
  let left = LAST_CALLS;
  for (const [, hour] of hours) {
    // The aggregates keep no order within an hour: in the hour that reaches the limit, models the newer hours called
    // are taken as its latest calls.
    const ordered = [...hour].sort(([a, x], [b, y]) => Number(counts.has(b)) - Number(counts.has(a)) || y - x);
    for (const [model, calls] of ordered) {
      const taken = Math.min(calls, left);
      if (taken > 0) counts.set(model, (counts.get(model) ?? 0) + taken);
      left -= taken;
    }
    if (left === 0) break;
  }
  const models = [...counts].map(([model, calls]) => ({ model, calls }));
  const newest = hours[0]![1];
  const [model] = [...newest].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
  const calls = LAST_CALLS - left;
  if (newest.size > 1) return { models, calls, model, since: null };
  let run = 1;
  while (run < hours.length && hours[run]![1].size === 1 && hours[run]![1].has(model)) run++;
  return { models, calls, model, since: run < hours.length ? hours[run - 1]![0] : null };
}

/** Whether the known sources name one canonical model, and which of them do not name the majority's. */
function agreement(runs: {
  config: { model: string } | null;
  recorded: { model: string } | null;
  called: { model: string } | null;
}): { agree: boolean; differs: RunSource[] } {
  const known = (["config", "recorded", "called"] as const)
    .filter((source) => runs[source] !== null)
    .map((source) => ({ source, model: canonicalModel(runs[source]!.model) }));
  const votes = new Map<string, number>();
  for (const { model } of known) votes.set(model, (votes.get(model) ?? 0) + 1);
  const [majority, count] = [...votes].sort(([, a], [, b]) => b - a)[0] ?? ["", 0];
  const differs =
    count * 2 > known.length
      ? known.filter((k) => k.model !== majority).map((k) => k.source)
      : known.map((k) => k.source);
  return { agree: differs.length === 0, differs };
}
