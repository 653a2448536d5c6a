import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { readContributions } from "@/db/aggregates/trade-facts";
import { parseEventTime, wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import type { Period } from "@/lib/period";
import type { RequestClock } from "@/lib/read-context";
import { fleetLlmCalls, fleetLlmHourly, fleetSwapRequests, fleetSystems, fleetTrades } from "./schema";

// The fleet overview from the central store: per system, the figures the local desk shows for its file, computed
// the same way, so a system's row here equals its own desk's overview (the parity test holds them together):
// - LLM spend: whole hours from fleet_llm_hourly (the local aggregate's keys: naive wall-clock hours in the zone,
//   'U' + UTC hours), the partial hours at a window's two edges from the raw calls, each call's time parsed as the
//   local desk parses it;
// - trades: the period's trades by their parsed time; PnL, wins and losses over those with a 7-day PnL; the agents
//   to review by the trading system's own analysis (get_underperforming_agents) over the review rule's period.

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
    trading: tradeTotals(trades.get(s.system) ?? []),
    spend: {
      today: today.get(s.system)?.cost ?? 0,
      week: week.get(s.system)?.cost ?? 0,
      dailyLimit: s.costLimitDaily,
      weeklyLimit: s.costLimitWeekly,
      alertAt: s.costAlertThreshold,
    },
    toReview: agentsToReview(reviewTrades.get(s.system) ?? [], review),
    lastCallAt: s.sourceCallsAt,
    shipper: { lastBatchAt: s.lastBatchAt, callsBehind: s.callsBehind, skippedRows: s.skippedRows },
    pendingSwaps: pending.find((p) => p.system === s.system)?.n ?? 0,
  }));
}

/** The hour key of the hour an instant falls in: naive wall-clock in `zone`, or 'U' + UTC. */
function hourKeys(instant: number, zone: string): { naive: string; utc: string } {
  const naive = new Date(instant + zoneOffsetMs(instant, zone)).toISOString().slice(0, 13);
  return { naive, utc: `U${new Date(instant).toISOString().slice(0, 13)}` };
}

/** LLM calls in [since, until) per system, exactly: whole hours from the aggregate, the edges from raw calls. */
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
  // A naive hour is whole inside the window when its wall-clock start and end both are; likewise a UTC hour.
  const first = hourKeys(since, zone);
  const last = hourKeys(until, zone);
  const onHour = (instant: number, key: string, utc: boolean) =>
    (utc ? instant : instant + zoneOffsetMs(instant, zone)) % HOUR_MS === 0 ? key : nextHourKey(key);
  const naiveFrom = onHour(since, first.naive, false);
  const utcFrom = `U${onHour(since, first.utc.slice(1), true)}`;
  const h = fleetLlmHourly;
  const whole = await db(pool)
    .select({
      system: h.system,
      calls: sql<number>`sum(${h.calls})::float8`,
      successes: sql<number>`sum(${h.successes})::float8`,
      tokens: sql<number>`sum(${h.tokens})::float8`,
      cost: sql<number>`sum(${h.costUsd})`,
    })
    .from(h)
    .where(
      and(
        inArray(h.system, systems),
        sql`((${h.hour} >= ${naiveFrom} AND ${h.hour} < ${last.naive}) OR (${h.hour} >= ${utcFrom} AND ${h.hour} < ${last.utc}))`,
      ),
    )
    .groupBy(h.system);
  for (const row of whole) add(row.system, row);
  // The edge hours: the one `since` falls inside (when it is not on the hour) and the one `until` falls in.
  const edges = new Set([last.naive, last.utc]);
  if (first.naive !== naiveFrom) edges.add(first.naive);
  if (first.utc !== utcFrom) edges.add(first.utc);
  const c = fleetLlmCalls;
  const raw = await db(pool)
    .select({ system: c.system, timestamp: c.timestamp, success: c.success, tokens: c.tokensUsed, cost: c.costUsd })
    .from(c)
    .where(and(inArray(c.system, systems), inArray(c.hour, [...edges])));
  for (const call of raw) {
    const at = parseEventTime(call.timestamp, zone);
    if (at === null || at < since || at >= until) continue;
    add(call.system, { calls: 1, successes: call.success ? 1 : 0, tokens: call.tokens, cost: call.cost });
  }
  return sums;
}

/** '2026-12-01T23' → '2026-12-02T00' (keys are whole hours of a proleptic UTC-like calendar). */
function nextHourKey(key: string): string {
  return new Date(Date.parse(`${key}:00:00Z`) + HOUR_MS).toISOString().slice(0, 13);
}

type TradeRow = { timestamp: string; pnl: number | null; contributions: string | null; confidence: number | null };

/** The trades of [since, until) per system, by each trade's parsed time. */
async function tradesWithin(
  pool: pg.Pool,
  systems: string[],
  zone: string,
  since: number,
  until: number,
): Promise<Map<string, TradeRow[]>> {
  const t = fleetTrades;
  // Every form of a time written in the window starts with a date no earlier than the day before its start (an
  // offset moves a date by less than a day), so the index narrows the read and the parse decides.
  const earliest = new Date(since - DAY_MS).toISOString().slice(0, 10);
  const rows = await db(pool)
    .select({
      system: t.system,
      timestamp: t.timestamp,
      pnl: t.pnl7Days,
      contributions: t.agentContributions,
      confidence: t.decisionConfidence,
    })
    .from(t)
    .where(and(inArray(t.system, systems), gte(t.timestamp, earliest)));
  const out = new Map<string, TradeRow[]>();
  for (const row of rows) {
    const at = parseEventTime(row.timestamp, zone);
    if (at === null || at < since || at >= until) continue;
    const list = out.get(row.system) ?? [];
    list.push(row);
    out.set(row.system, list);
  }
  return out;
}

function tradeTotals(rows: TradeRow[]) {
  const withPnl = rows.filter((r) => r.pnl !== null);
  return {
    trades: rows.length,
    withPnl: withPnl.length,
    pnl: withPnl.reduce((sum, r) => sum + r.pnl!, 0),
    wins: withPnl.filter((r) => r.pnl! > 0).length,
    losses: withPnl.filter((r) => r.pnl! < 0).length,
  };
}

/** get_underperforming_agents of the trading system's Python code, over the trades given. */
function agentsToReview(rows: TradeRow[], { minTrades, threshold }: ReviewRule): AgentToReview[] {
  const agents = new Map<string, { trades: number; positive: number; negative: number }>();
  for (const row of rows) {
    if (row.pnl === null) continue;
    const read = readContributions(row.contributions);
    if (read.contributions !== 1) continue;
    for (const [agent, contribution] of read.values) {
      const a = agents.get(agent) ?? { trades: 0, positive: 0, negative: 0 };
      a.trades += 1;
      if (row.pnl > 0) a.positive += contribution * row.pnl;
      else a.negative += contribution * Math.abs(row.pnl);
      agents.set(agent, a);
    }
  }
  return [...agents]
    .map(([agentName, a]) => ({
      agentName,
      efficiencyScore: (a.positive - a.negative) / a.trades,
      tradesInvolved: a.trades,
    }))
    .filter((a) => a.tradesInvolved >= minTrades && a.efficiencyScore < threshold)
    .sort((a, b) => a.efficiencyScore - b.efficiencyScore);
}
