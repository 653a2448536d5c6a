import "server-only";
import { database } from "@/db";
import type { LlmWindow } from "@/db/aggregates/llm-window-reader";
import { zoneOffsetMs } from "@/lib/event-time";
import { canonicalModel } from "@/lib/model-names";
import { percentiles } from "@/lib/percentiles";
import type { ReadContext } from "@/lib/read-context";
import { EMPTY_SAMPLE, type Sample } from "@/lib/swap-verdict";
import { getAgentMapping } from "./agent-mapping";
import { assertTradesCounted } from "./counted-trades";
import { llmCallsBetween } from "./open-llm-window";
import { getSwapLog } from "./swap-log";

const DAY_MS = 86_400_000;

// One agent's trades in [from, to): those it has a contribution in, and its score's observations (contribution ×
// pnl_7_days) over those whose 7-day PnL is known. The day tables hold no sums of squares, so per-trade rows: the
// time index of agent_desk_trades finds the trades, the contributions' key (trade, agent) the agent's (measured
// faster than one pass grouped by agent, which reads and sorts every agent's contributions).
const STRETCH_TRADES = `SELECT count(*) AS trades, count(t.pnl_7_days) AS n, total(c.contribution * t.pnl_7_days) AS sum,
    total((c.contribution * t.pnl_7_days) * (c.contribution * t.pnl_7_days)) AS sumSquares
  FROM agent_desk_trades AS t JOIN agent_desk_trade_contributions AS c USING (trade_rowid)
  WHERE t.contributions = 1 AND t.event_ms >= @from AND t.event_ms < @to AND c.agent_name = @agent`;

/** A time an agent ran one model: [fromMs, toMs). */
type Stretch = { agent: string; model: string; fromMs: number; toMs: number };

/**
 * Which model each agent (of one, if given) ran when within the period, from the swap log: from a swap to the
 * agent's next one it ran the swap's new model, before its first swap that swap's old model; an agent never swapped
 * ran its config model throughout. Swaps whose time cannot be read are left out (their moment is unknown).
 */
function stretches(ctx: ReadContext, agent?: string): Stretch[] {
  const from = ctx.period.startMs;
  // A period that ends after the request (a calendar range to today) ran only until now.
  const to = Math.min(ctx.period.endMs, ctx.now);
  const mapping = getAgentMapping(ctx);
  const swaps = getSwapLog(ctx, { agent })
    .filter((s) => s.atMs !== null)
    .reverse();
  const names = agent === undefined ? Object.keys(mapping) : agent in mapping ? [agent] : [];
  return names.flatMap((name) => {
    const mine = swaps.filter((s) => s.agentName === name);
    const runs =
      mine.length === 0
        ? [{ model: mapping[name]!.model, fromMs: -Infinity, toMs: Infinity }]
        : [
            { model: mine[0]!.oldModel, fromMs: -Infinity, toMs: mine[0]!.atMs! },
            ...mine.map((s, i) => ({ model: s.newModel, fromMs: s.atMs!, toMs: mine[i + 1]?.atMs ?? Infinity })),
          ];
    return runs
      .map((run) => ({
        agent: name,
        model: canonicalModel(run.model),
        fromMs: Math.max(run.fromMs, from),
        toMs: Math.min(run.toMs, to),
      }))
      .filter((run) => run.fromMs < run.toMs);
  });
}

/** Calendar days in the zone from one instant to another: wall-clock time apart, so a day of a clock change is one. */
function calendarDaysBetween(fromMs: number, toMs: number, zone: string): number {
  return (toMs + zoneOffsetMs(toMs, zone) - (fromMs + zoneOffsetMs(fromMs, zone))) / DAY_MS;
}

/**
 * Each agent's (of one, if given) figures per model it ran within the period (models by canonical name, the
 * stretches of one model summed): days run (fractional calendar days), trades it took part in, its score as a
 * sample of contribution × 7-day PnL, and its LLM calls' cost, success and latency in those stretches. Agents in
 * order of the mapping, models newest run first.
 */
export function getModelHistory(ctx: ReadContext, { agent }: { agent?: string } = {}) {
  const { sqlite } = database(ctx);
  assertTradesCounted(sqlite);
  const mapping = getAgentMapping(ctx);
  const tradesOf = sqlite.prepare(STRETCH_TRADES);
  // Agents never swapped share the period as one stretch: one read of the LLM aggregates per distinct window.
  const windows = new Map<string, { calls: LlmWindow; latencies: ReturnType<LlmWindow["latenciesByAgent"]> }>();
  const windowOf = (fromMs: number, toMs: number) => {
    const key = `${fromMs} ${toMs}`;
    const known = windows.get(key);
    if (known) return known;
    const calls = llmCallsBetween(ctx, fromMs, toMs);
    const read = { calls, latencies: calls.latenciesByAgent() };
    windows.set(key, read);
    return read;
  };

  const cells = new Map<
    string,
    {
      agent: string;
      model: string;
      lastRunMs: number;
      days: number;
      trades: number;
      score: Sample;
      calls: number;
      successes: number;
      cost: number;
      latencies: [number, number][];
    }
  >();
  for (const stretch of stretches(ctx, agent)) {
    const key = `${stretch.agent}\0${stretch.model}`;
    const cell = cells.get(key) ?? {
      agent: stretch.agent,
      model: stretch.model,
      lastRunMs: stretch.toMs,
      days: 0,
      trades: 0,
      score: EMPTY_SAMPLE,
      calls: 0,
      successes: 0,
      cost: 0,
      latencies: [],
    };
    cells.set(key, cell);
    cell.lastRunMs = Math.max(cell.lastRunMs, stretch.toMs);
    cell.days += calendarDaysBetween(stretch.fromMs, stretch.toMs, ctx.zone);
    const trades = tradesOf.get({ from: stretch.fromMs, to: stretch.toMs, agent: stretch.agent }) as {
      trades: number;
    } & Sample;
    cell.trades += trades.trades;
    cell.score = {
      n: cell.score.n + trades.n,
      sum: cell.score.sum + trades.sum,
      sumSquares: cell.score.sumSquares + trades.sumSquares,
    };
    const window = windowOf(stretch.fromMs, stretch.toMs);
    for (const group of window.calls.groups(stretch.agent)) {
      cell.calls += group.calls;
      cell.successes += group.successes;
      cell.cost += group.cost;
    }
    cell.latencies.push(...(window.latencies.get(stretch.agent) ?? []));
  }

  const order = Object.keys(mapping);
  return [...cells.values()]
    .sort((a, b) => order.indexOf(a.agent) - order.indexOf(b.agent) || b.lastRunMs - a.lastRunMs)
    .map((cell) => ({
      agent: cell.agent,
      model: cell.model,
      current: canonicalModel(mapping[cell.agent]!.model) === cell.model,
      days: cell.days,
      trades: cell.trades,
      score: cell.score,
      calls: cell.calls,
      successes: cell.successes,
      cost: cell.cost,
      costPerTrade: cell.trades > 0 ? cell.cost / cell.trades : null,
      successRate: cell.calls > 0 ? (cell.successes / cell.calls) * 100 : null,
      p95LatencyMs: percentiles(
        cell.latencies.sort((a, b) => a[0] - b[0]),
        [95],
      ).p95,
    }));
}

export type ModelHistoryCell = ReturnType<typeof getModelHistory>[number];
