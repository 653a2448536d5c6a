import "server-only";
import { database } from "@/db";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { isWithin, type Period } from "@/lib/period";
import type { RequestClock } from "@/lib/read-context";
import { canonicalModel } from "@/lib/model-names";
import { judgeSwap, scheduledStart, validationWindows } from "@/lib/swap-status";
import { llmCallsBetween } from "./open-llm-window";
import { getSwapLog } from "./swap-log";
import { linkSwaps } from "./swap-links";
import { measureWindow } from "./swap-window";

export type EvolutionFilters = { agent?: string; trigger?: string; status?: string; period?: Period };

/**
 * `get_model_evolution_history(agent)`, newest first, each swap judged at the clock's `now` (lib/swap-status.ts
 * says how); the page's filters narrow it by trigger, status, and swaps made in a period.
 */
export function getEvolution(clock: RequestClock, { agent, trigger, status, period }: EvolutionFilters = {}) {
  const { config } = database(clock);
  const minRequests = loadAgentConfig(config.agentConfigPath).minRequestsForEvaluation;
  const all = getSwapLog(clock);
  const { rollbackOf, laterSwap, rolledBack, audit, whyNotRollBack } = linkSwaps(clock, all);

  return all
    .filter(
      (swap) =>
        (agent === undefined || swap.agentName === agent) && (trigger === undefined || swap.triggeredBy === trigger),
    )
    .filter((swap) => period === undefined || (swap.atMs !== null && isWithin(period, swap.atMs)))
    .map((swap) => {
      const days = swap.validationPeriodDays ?? 7;
      const recorded = audit.get(swap.id);
      const windows =
        swap.atMs === null
          ? null
          : validationWindows(
              swap.atMs,
              days,
              clock,
              firstCallWith(clock, swap.agentName, swap.newModel, swap.atMs, days),
            );
      const noWindow: [number, number] = [clock.now, clock.now];
      const beforeWindow = measureWindow(clock, swap.agentName, ...(windows?.before ?? noWindow));
      const afterWindow = measureWindow(clock, swap.agentName, ...(windows?.after ?? noWindow));
      const judged = judgeSwap({
        windowEnded: windows?.ended ?? true,
        rolledBack: rolledBack.has(swap.id),
        superseded: laterSwap.has(swap.id),
        before: beforeWindow,
        after: afterWindow,
        rollbackThreshold: swap.rollbackThreshold ?? -0.1,
        minRequests,
      });
      return {
        ...swap,
        status: judged.status,
        realizedImprovement: judged.realizedImprovement,
        realizedInterval: judged.realizedInterval,
        observations: judged.observations,
        /** What the verdict rests on: its estimate and interval, or which window is short of what. */
        verdict: judged.verdict,
        rollbackOf: rollbackOf.get(swap.id) ?? null,
        /** Only an agent's latest swap, not yet undone and not itself a rollback, can be rolled back. */
        canRollBack: whyNotRollBack(swap) === null,
        /** Agent Desk's audit entry for swaps recorded through it: who, when (UTC), and what happened to the config. */
        recordedBy: recorded
          ? {
              actor: recorded.actor,
              actedAt: recorded.actedAt,
              configWritten: recorded.configWritten === 1,
              configNote: recorded.configNote,
            }
          : null,
        validation: {
          windowStart: windows ? new Date(windows.after[0]).toISOString() : null,
          windowEnd: windows ? new Date(windows.end).toISOString() : null,
          progress: windows?.progress ?? null,
          startedBy: windows?.startedBy ?? null,
          /** The two windows as instants [from, to), for reading what happened in them. */
          ranges: windows ? { before: windows.before, after: windows.after } : null,
          basis: judged.basis,
          before: beforeWindow,
          after: afterWindow,
        },
      };
    })
    .filter((swap) => status === undefined || swap.status === status);
}

export type JudgedSwap = ReturnType<typeof getEvolution>[number];

const DAY_MS = 86_400_000;

/**
 * The start of the hour `agent` first called `model` in, within the validation window the schedule gives a swap at
 * `atMs` (from its first whole hour): null when the log shows none there (the window then keeps the schedule).
 */
function firstCallWith(clock: RequestClock, agent: string, model: string, atMs: number, days: number): number | null {
  const from = scheduledStart(atMs, clock.zone);
  const to = Math.min(clock.now, from + days * DAY_MS);
  if (to <= from) return null;
  const target = canonicalModel(model);
  return llmCallsBetween(clock, from, to).firstHourCalling(agent, (called) => canonicalModel(called) === target);
}
