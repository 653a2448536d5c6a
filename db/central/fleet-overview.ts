import { and, asc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { wallText } from "@/db/aggregates/llm-call-time";
import { parseEventTime, wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { tradeSums } from "./trade-aggregates";
import { windowKeys, type KeyRange } from "./window-keys";
import type { Period } from "@/lib/period";
import type { RequestClock } from "@/lib/read-context";
import {
  fleetLlmCalls,
  fleetLlmTotals,
  fleetSwapRequests,
  fleetSystems,
  fleetTradeAgentDays,
  fleetTradeDays,
  fleetTrades,
} from "./schema";

// The fleet overview from the central store: per system, the figures the local desk shows for its file, computed
// the same way, so a system's row here equals its own desk's overview (the parity test holds them together):
// - LLM spend: whole days and hours from fleet_llm_totals (the local aggregate's keys: naive wall-clock hours and
//   days in the zone, 'U' + UTC ones), the partial hours at a window's two edges from the raw calls, each call's time
//   parsed as the local desk parses it;
// - trades: whole days from fleet_trade_days and fleet_trade_agent_days, the edge days' trades by their parsed time;
//   PnL, wins and losses over those with a 7-day PnL; the agents to review by the trading system's own analysis
//   (get_underperforming_agents) over the review rule's period.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type LlmSpend = { calls: number; successes: number; tokens: number; cost: number };
export type ReviewRule = { period: Period; minTrades: number; threshold: number };
export type AgentToReview = { agentName: string; efficiencyScore: number; tradesInvolved: number };

export type FleetSystem = {
  system: string;
  llm: LlmSpend;
  trading: { trades: number; withPnl: number; pnl: number; wins: number; losses: number };
  spend: { today: number; week: number; dailyLimit: number | null; weeklyLimit: number | null; alertAt: number | null };
  toReview: AgentToReview[];
  /** The newest LLM call's time in the file, as written (naive local, or with its offset). */
  lastCallAt: string | null;
  /** When the shipper last delivered a batch (it sends one at least every 10 s), and how far behind it said it was. */
  shipper: { lastBatchAt: Date | null; callsBehind: number; skippedRows: number };
  pendingSwaps: number;
};

const db = (pool: pg.Pool) => drizzle(pool);

/** The systems that ever shipped to this desk, by name. */
export async function fleetSystemNames(pool: pg.Pool): Promise<string[]> {
  const rows = await db(pool)
    .select({ system: fleetSystems.system })
    .from(fleetSystems)
    .orderBy(asc(fleetSystems.system));
  return rows.map((r) => r.system);
}

export async function getFleetOverview(
  pool: pg.Pool,
  clock: RequestClock,
  period: Period,
  review: ReviewRule,
  only?: string,
): Promise<FleetSystem[]> {
  const systems = await db(pool)
    .select()
    .from(fleetSystems)
    .where(only === undefined ? undefined : eq(fleetSystems.system, only))
    .orderBy(asc(fleetSystems.system));
  const names = systems.map((s) => s.system);
  if (names.length === 0) return [];
  const { now, zone } = clock;
  const wall = now + zoneOffsetMs(now, zone);
  const midnight = wallClockToInstant(Math.floor(wall / DAY_MS) * DAY_MS, zone); // today, as getSpend cuts it
  const [inPeriod, today, week, trades, reviewTrades, pending] = await Promise.all([
    llmSpend(pool, names, zone, period.startMs, Math.min(period.endMs, now)),
    llmSpend(pool, names, zone, midnight, now),
    llmSpend(pool, names, zone, now - 7 * DAY_MS, now),
    tradesWithin(pool, names, zone, period.startMs, period.endMs),
    tradesWithin(pool, names, zone, review.period.startMs, review.period.endMs),
    db(pool)
      .select({ system: fleetSwapRequests.system, n: sql<number>`count(*)::int` })
      .from(fleetSwapRequests)
      .where(and(inArray(fleetSwapRequests.system, names), isNull(fleetSwapRequests.appliedAt)))
      .groupBy(fleetSwapRequests.system),
  ]);
  const none: LlmSpend = { calls: 0, successes: 0, tokens: 0, cost: 0 };
  return systems.map((s) => ({
    system: s.system,
    llm: inPeriod.get(s.system) ?? none,
    trading: trades.get(s.system)?.trading ?? { trades: 0, withPnl: 0, pnl: 0, wins: 0, losses: 0 },
    spend: {
      today: today.get(s.system)?.cost ?? 0,
      week: week.get(s.system)?.cost ?? 0,
      dailyLimit: s.costLimitDaily,
      weeklyLimit: s.costLimitWeekly,
      alertAt: s.costAlertThreshold,
    },
    toReview: agentsToReview(reviewTrades.get(s.system), review),
    lastCallAt: s.sourceCallsAt,
    shipper: { lastBatchAt: s.lastBatchAt, callsBehind: s.callsBehind, skippedRows: s.skippedRows },
    pendingSwaps: pending.find((p) => p.system === s.system)?.n ?? 0,
  }));
}

/** A WHERE clause for the key ranges of a window, over `column`. */
function inRanges(column: SQL | AnyColumn, ranges: KeyRange[]): SQL {
  if (ranges.length === 0) return sql`false`;
  // In parentheses of its own: beside another condition, an OR must not bind to it.
  const any = sql.join(
    ranges.map((r) => sql`(${column} >= ${r.from} AND ${column} < ${r.to} AND length(${column}) = ${r.length})`),
    sql` OR `,
  );
  return sql`(${any})`;
}

/** LLM calls in [since, until) per system, exactly: whole days and hours from the totals, edge hours from raw calls. */
async function llmSpend(
  pool: pg.Pool,
  systems: string[],
  zone: string,
  since: number,
  until: number,
): Promise<Map<string, LlmSpend>> {
  const sums = new Map<string, LlmSpend>();
  if (until <= since) return sums;
  const add = (system: string, row: LlmSpend) => {
    const sum = sums.get(system) ?? { calls: 0, successes: 0, tokens: 0, cost: 0 };
    sums.set(system, {
      calls: sum.calls + row.calls,
      successes: sum.successes + row.successes,
      tokens: sum.tokens + row.tokens,
      cost: sum.cost + row.cost,
    });
  };
  const { ranges, edges } = windowKeys(since, until, zone, "hour");
  const t = fleetLlmTotals;
  const whole = await db(pool)
    .select({
      system: t.system,
      calls: sql<number>`sum(${t.calls})::float8`,
      successes: sql<number>`sum(${t.successes})::float8`,
      tokens: sql<number>`sum(${t.tokens})::float8`,
      cost: sql<number>`sum(${t.costUsd})`,
    })
    .from(t)
    .where(and(inArray(t.system, systems), inRanges(t.key, ranges)))
    .groupBy(t.system);
  for (const row of whole) add(row.system, row);
  // The edge hours' calls: naive times compared as text with the window's wall-clock bounds in their own form (T
  // or space), in SQL as the local desk compares them (an hour at 100 calls/s is 360,000 rows: summed where they
  // are, not sent here); the rare zoned ones (Z, an offset) parsed here.
  const c = fleetLlmCalls;
  const naive = edges.filter((key) => !key.startsWith("U"));
  if (naive.length > 0) {
    const within = (separator: "T" | " ") =>
      sql`(substr(${c.timestamp}, 11, 1) = ${separator} AND ${c.timestamp} >= ${wallText(since, zone, separator)}
        AND ${c.timestamp} < ${wallText(until, zone, separator)})`;
    const counted = await db(pool)
      .select({
        system: c.system,
        calls: sql<number>`count(*)::float8`,
        successes: sql<number>`(count(*) FILTER (WHERE ${c.success}))::float8`,
        tokens: sql<number>`sum(${c.tokensUsed})::float8`,
        cost: sql<number>`sum(${c.costUsd})`,
      })
      .from(c)
      .where(and(inArray(c.system, systems), inArray(c.hour, naive), sql`(${within("T")} OR ${within(" ")})`))
      .groupBy(c.system);
    for (const row of counted) add(row.system, row);
  }
  const zoned = edges.filter((key) => key.startsWith("U"));
  const raw =
    zoned.length === 0
      ? []
      : await db(pool)
          .select({
            system: c.system,
            timestamp: c.timestamp,
            success: c.success,
            tokens: c.tokensUsed,
            cost: c.costUsd,
          })
          .from(c)
          .where(and(inArray(c.system, systems), inArray(c.hour, zoned)));
  for (const call of raw) {
    const at = parseEventTime(call.timestamp, zone);
    if (at === null || at < since || at >= until) continue;
    add(call.system, { calls: 1, successes: call.success ? 1 : 0, tokens: call.tokens, cost: call.cost });
  }
  return sums;
}

type TradeSums = {
  trading: FleetSystem["trading"];
  agents: Map<string, { trades: number; positive: number; negative: number }>;
};

/** The trades of [since, until) per system: whole days from the day aggregates, the edge days from raw trades. */
async function tradesWithin(
  pool: pg.Pool,
  systems: string[],
  zone: string,
  since: number,
  until: number,
): Promise<Map<string, TradeSums>> {
  const out = new Map<string, TradeSums>();
  const of = (system: string) => {
    let sums = out.get(system);
    if (!sums) {
      sums = { trading: { trades: 0, withPnl: 0, pnl: 0, wins: 0, losses: 0 }, agents: new Map() };
      out.set(system, sums);
    }
    return sums;
  };
  const addAgent = (system: string, agent: string, trades: number, positive: number, negative: number) => {
    const agents = of(system).agents;
    const a = agents.get(agent) ?? { trades: 0, positive: 0, negative: 0 };
    agents.set(agent, { trades: a.trades + trades, positive: a.positive + positive, negative: a.negative + negative });
  };
  const { ranges, edges } = windowKeys(since, until, zone, "day");
  const d = fleetTradeDays;
  const days = await db(pool)
    .select({
      system: d.system,
      trades: sql<number>`sum(${d.trades})::float8`,
      withPnl: sql<number>`sum(${d.withPnl})::float8`,
      pnl: sql<number>`sum(${d.pnl})`,
      wins: sql<number>`sum(${d.wins})::float8`,
      losses: sql<number>`sum(${d.losses})::float8`,
    })
    .from(d)
    .where(and(inArray(d.system, systems), inRanges(d.day, ranges)))
    .groupBy(d.system);
  for (const row of days) {
    const t = of(row.system).trading;
    Object.assign(t, {
      trades: t.trades + row.trades,
      withPnl: t.withPnl + row.withPnl,
      pnl: t.pnl + row.pnl,
      wins: t.wins + row.wins,
      losses: t.losses + row.losses,
    });
  }
  const a = fleetTradeAgentDays;
  const agentDays = await db(pool)
    .select({
      system: a.system,
      agent: a.agentName,
      trades: sql<number>`sum(${a.trades})::float8`,
      positive: sql<number>`sum(${a.positive})`,
      negative: sql<number>`sum(${a.negative})`,
    })
    .from(a)
    .where(and(inArray(a.system, systems), inRanges(a.day, ranges)))
    .groupBy(a.system, a.agentName);
  for (const row of agentDays) addAgent(row.system, row.agent, row.trades, row.positive, row.negative);
  const t = fleetTrades;
  const raw = await db(pool)
    .select({
      system: t.system,
      timestamp: t.timestamp,
      pnl: t.pnl7Days,
      contributions: t.agentContributions,
    })
    .from(t)
    .where(and(inArray(t.system, systems), inArray(t.day, edges)));
  for (const row of raw) {
    const at = parseEventTime(row.timestamp, zone);
    if (at === null || at < since || at >= until) continue;
    const add = tradeSums(row.pnl, row.contributions);
    const t = of(row.system).trading;
    Object.assign(t, {
      trades: t.trades + add.day.trades,
      withPnl: t.withPnl + add.day.with_pnl,
      pnl: t.pnl + add.day.pnl,
      wins: t.wins + add.day.wins,
      losses: t.losses + add.day.losses,
    });
    for (const [agent, a] of add.agents) addAgent(row.system, agent, a.trades, a.positive, a.negative);
  }
  return out;
}

/** get_underperforming_agents of the trading system's Python code, over the agents' sums. */
function agentsToReview(sums: TradeSums | undefined, { minTrades, threshold }: ReviewRule): AgentToReview[] {
  return [...(sums?.agents ?? [])]
    .map(([agentName, a]) => ({
      agentName,
      efficiencyScore: (a.positive - a.negative) / a.trades,
      tradesInvolved: a.trades,
    }))
    .filter((a) => a.tradesInvolved >= minTrades && a.efficiencyScore < threshold)
    .sort((a, b) => a.efficiencyScore - b.efficiencyScore);
}
