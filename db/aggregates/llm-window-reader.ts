import type Database from "better-sqlite3";
import { and, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { agentDeskLlmHourly, llmUsageLog } from "@/db/schema";
import { calendarDate, wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { llmCallWithin } from "./llm-call-time";
import { bucketMidpointMs, dayKeySql, hourKeySql, latencyBucketSql } from "./llm-keys";
import type { KeyRange, LlmRangeCache } from "./llm-range-cache";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type LlmHourly = typeof agentDeskLlmHourly.$inferSelect;
/** The calls of one agent × provider × model × request type: counts, and sums of cost (USD) and latency (ms). */
export type LlmGroup = Pick<
  LlmHourly,
  "agentName" | "provider" | "model" | "requestType" | "calls" | "successes" | "tokens"
> & { cost: number; latencySum: number };
/** The calls of one calendar day (in the zone) and provider. */
export type LlmDay = Pick<LlmHourly, "provider" | "calls" | "successes" | "tokens"> & { date: string; cost: number };
/** A dimension the calls can be split by (a key of LlmGroup). */
export type LlmDimension = "provider" | "model" | "agentName" | "requestType";

// The aggregates' column of each dimension.
const DIMENSION_COLUMNS: Record<LlmDimension, string> = {
  provider: "provider",
  model: "model",
  agentName: "agent_name",
  requestType: "request_type",
};

type Span = { keys: [string, string]; start: number; end: number };
type Inner = { naive: Span; zoned: Span };

/**
 * The calls in [sinceMs, nowMs), exactly, from the aggregates of migrations/0003 as the server's background count
 * (db/background/counting-loop.ts) keeps them: every whole hour (or day) inside the window comes from the aggregate
 * tables, and only the partial ones at its two edges from raw rows, which are then counted only when their own
 * bucket was not. Naive keys are wall-clock time in `zone`.
 */
export class LlmWindow {
  private readonly hours: Inner | null;
  private readonly days: Inner | null;
  private hourEdges: (LlmGroup & { hour: string })[] | undefined;

  /**
   * `useAggregates` false (many calls not counted yet: the count is behind, or the whole log is counted again) reads
   * every call of the window from raw rows; a `cache` (synced by the caller) keeps the reads of whole hours and
   * days that no newer call touched.
   */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly zone: string,
    private readonly sinceMs: number,
    private readonly nowMs: number,
    useAggregates: boolean,
    private readonly cache?: LlmRangeCache,
  ) {
    this.hours = useAggregates ? this.inner(HOUR_MS, 13) : null;
    this.days = useAggregates ? this.inner(DAY_MS, 10) : null;
  }

  /** Sums per agent × provider × model × request type; `agent` limits them to one agent. */
  groups(agent?: string): LlmGroup[] {
    const sums = new Map<string, LlmGroup>();
    const add = (row: LlmGroup) => {
      const key = `${row.agentName}\0${row.provider}\0${row.model}\0${row.requestType}`;
      const sum = sums.get(key);
      if (!sum) {
        const { agentName, provider, model, requestType, calls, successes, tokens, cost, latencySum } = row;
        return void sums.set(key, {
          agentName,
          provider,
          model,
          requestType,
          calls,
          successes,
          tokens,
          cost,
          latencySum,
        });
      }
      sum.calls += row.calls;
      sum.successes += row.successes;
      sum.tokens += row.tokens;
      sum.cost += row.cost;
      sum.latencySum += row.latencySum;
    };
    const query = this.sqlite.prepare(
      `SELECT agent_name AS agentName, provider, model, request_type AS requestType, sum(calls) AS calls, sum(successes) AS successes, sum(tokens) AS tokens,
              total(cost_usd) AS cost, total(latency_ms_sum) AS latencySum
       FROM agent_desk_llm_hourly WHERE hour >= ? AND hour < ? AND (? IS NULL OR agent_name = ?) GROUP BY 1, 2, 3, 4`,
    );
    for (const keys of this.keyRanges(this.hours))
      this.kept(`groups ${agent}`, keys, () => query.all(...keys, agent ?? null, agent ?? null) as LlmGroup[]).forEach(
        add,
      );
    for (const row of this.edgeSums(agent)) add(row);
    return [...sums.values()];
  }

  /** Calls per calendar day (in the zone) and provider. */
  daily(): LlmDay[] {
    const sums = new Map<string, LlmDay>();
    const add = (date: string, provider: string, calls: number, successes: number, tokens: number, cost: number) => {
      const key = `${date}\0${provider}`;
      const sum = sums.get(key) ?? { date, provider, calls: 0, successes: 0, tokens: 0, cost: 0 };
      sum.calls += calls;
      sum.successes += successes;
      sum.tokens += tokens;
      sum.cost += cost;
      sums.set(key, sum);
    };
    const query = this.sqlite.prepare(
      `SELECT hour, provider, sum(calls) AS calls, sum(successes) AS successes, sum(tokens) AS tokens, total(cost_usd) AS cost
       FROM agent_desk_llm_hourly WHERE hour >= ? AND hour < ? GROUP BY 1, 2`,
    );
    for (const keys of this.keyRanges(this.hours)) {
      const rows = this.kept(
        "daily",
        keys,
        () =>
          query.all(...keys) as {
            hour: string;
            provider: string;
            calls: number;
            successes: number;
            tokens: number;
            cost: number;
          }[],
      );
      for (const r of rows) add(this.dateOfHour(r.hour), r.provider, r.calls, r.successes, r.tokens, r.cost);
    }
    for (const r of this.edgeSums()) add(this.dateOfHour(r.hour), r.provider, r.calls, r.successes, r.tokens, r.cost);
    return [...sums.values()].sort((a, b) => a.date.localeCompare(b.date) || a.provider.localeCompare(b.provider));
  }

  /** Calls, tokens and cost per calendar day (in the zone) and value of one dimension (the model as written). */
  dailyBy(dimension: LlmDimension): { date: string; group: string; calls: number; tokens: number; cost: number }[] {
    const sums = new Map<string, { date: string; group: string; calls: number; tokens: number; cost: number }>();
    const add = (date: string, group: string, calls: number, tokens: number, cost: number) => {
      const key = `${date}\0${group}`;
      const sum = sums.get(key) ?? { date, group, calls: 0, tokens: 0, cost: 0 };
      sum.calls += calls;
      sum.tokens += tokens;
      sum.cost += cost;
      sums.set(key, sum);
    };
    const query = this.sqlite.prepare(
      `SELECT hour, ${DIMENSION_COLUMNS[dimension]} AS "group", sum(calls) AS calls, sum(tokens) AS tokens, total(cost_usd) AS cost FROM agent_desk_llm_hourly WHERE hour >= ? AND hour < ? GROUP BY 1, 2`,
    );
    for (const keys of this.keyRanges(this.hours)) {
      const rows = this.kept(
        `daily by ${dimension}`,
        keys,
        () => query.all(...keys) as { hour: string; group: string; calls: number; tokens: number; cost: number }[],
      );
      for (const r of rows) add(this.dateOfHour(r.hour), r.group, r.calls, r.tokens, r.cost);
    }
    for (const r of this.edgeSums()) add(this.dateOfHour(r.hour), r[dimension], r.calls, r.tokens, r.cost);
    return [...sums.values()];
  }

  /** One agent's calls and cost per calendar day (in the zone) and model as written. */
  agentDaily(agent: string): { date: string; model: string; calls: number; cost: number }[] {
    const sums = new Map<string, { date: string; model: string; calls: number; cost: number }>();
    const add = (date: string, model: string, calls: number, cost: number) => {
      const key = `${date}\0${model}`;
      const sum = sums.get(key) ?? { date, model, calls: 0, cost: 0 };
      sum.calls += calls;
      sum.cost += cost;
      sums.set(key, sum);
    };
    const query = this.sqlite.prepare(
      "SELECT hour, model, sum(calls) AS calls, total(cost_usd) AS cost FROM agent_desk_llm_hourly WHERE hour >= ? AND hour < ? AND agent_name = ? GROUP BY 1, 2",
    );
    for (const keys of this.keyRanges(this.hours)) {
      const rows = this.kept(
        `agent daily ${agent}`,
        keys,
        () => query.all(...keys, agent) as { hour: string; model: string; calls: number; cost: number }[],
      );
      for (const r of rows) add(this.dateOfHour(r.hour), r.model, r.calls, r.cost);
    }
    for (const r of this.edgeSums(agent)) add(this.dateOfHour(r.hour), r.model, r.calls, r.cost);
    return [...sums.values()].sort((a, b) => a.date.localeCompare(b.date) || a.model.localeCompare(b.model));
  }

  /**
   * When `agent` first called a model `isModel` accepts in the window: the start of that hour (ms), or null. Hours,
   * not calls: the aggregates keep hours, and a swap's windows are cut at whole hours.
   */
  firstHourCalling(agent: string, isModel: (model: string) => boolean): number | null {
    const query = this.sqlite.prepare(
      "SELECT hour, model FROM agent_desk_llm_hourly WHERE hour >= ? AND hour < ? AND agent_name = ? GROUP BY 1, 2",
    );
    // Kept by the range cache like the other whole-hour reads: a past window's hours do not change unless a call
    // in them does, and the timeline asks this for every swap on every read.
    const hours = this.keyRanges(this.hours).flatMap((keys) =>
      this.kept(`models by hour ${agent}`, keys, () => query.all(...keys, agent) as { hour: string; model: string }[]),
    );
    const starts = [...hours, ...this.edgeSums(agent)]
      .filter((row) => row.hour !== "?" && isModel(row.model))
      .map((row) => this.startOfHour(row.hour));
    return starts.length === 0 ? null : Math.max(this.sinceMs, Math.min(...starts));
  }

  /**
   * Calls per hour (its start, ms), agent and model as written, newest hour first; `agent` limits them to one agent.
   * Hours whose key is no time are left out.
   */
  hourlyModels(agent?: string): { startMs: number; agentName: string; model: string; calls: number }[] {
    const query = this.sqlite.prepare(
      `SELECT hour, agent_name AS agentName, model, sum(calls) AS calls
       FROM agent_desk_llm_hourly WHERE hour >= ? AND hour < ? AND (? IS NULL OR agent_name = ?) GROUP BY 1, 2, 3`,
    );
    const whole = this.keyRanges(this.hours).flatMap((keys) =>
      this.kept(
        `hourly models ${agent}`,
        keys,
        () =>
          query.all(...keys, agent ?? null, agent ?? null) as {
            hour: string;
            agentName: string;
            model: string;
            calls: number;
          }[],
      ),
    );
    return [...whole, ...this.edgeSums(agent)]
      .filter((row) => row.hour !== "?")
      .map((row) => ({
        startMs: this.startOfHour(row.hour),
        agentName: row.agentName,
        model: row.model,
        calls: row.calls,
      }))
      .sort((a, b) => b.startMs - a.startMs);
  }

  /** Failed calls per error message ('' when none), most frequent first. */
  errors(): { message: string; count: number }[] {
    const counts = new Map<string, number>();
    const query = this.sqlite.prepare(
      "SELECT error_message AS message, sum(calls) AS count FROM agent_desk_llm_errors WHERE hour >= ? AND hour < ? GROUP BY 1",
    );
    for (const keys of this.keyRanges(this.hours)) {
      for (const r of this.kept("errors", keys, () => query.all(...keys) as { message: string; count: number }[]))
        counts.set(r.message, (counts.get(r.message) ?? 0) + r.count);
    }
    const edges = this.edges(this.hours, 13);
    const read = (from: number, to: number) =>
      this.db()
        .select({ message: sql<string>`coalesce(${llmUsageLog.errorMessage}, '')`, count: sql<number>`count(*)` })
        .from(llmUsageLog)
        .where(and(this.between(from, to), sql`${llmUsageLog.success} = 0`, edges.uncounted))
        .groupBy(sql`1`)
        .all();
    for (const r of this.rawEdges("errors", this.hours, edges.ranges, read))
      counts.set(r.message, (counts.get(r.message) ?? 0) + r.count);
    return [...counts]
      .filter(([, n]) => n > 0)
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
  }

  /** Latencies as (ms, calls) pairs of bucket midpoints (within 5 % of every latency they stand for). */
  latencies(): [number, number][] {
    const pairs: [number, number][] = [];
    const query = this.sqlite.prepare(
      "SELECT bucket, sum(calls) AS calls FROM agent_desk_llm_latency WHERE day >= ? AND day < ? GROUP BY 1",
    );
    for (const keys of this.keyRanges(this.days)) {
      for (const r of this.kept("latencies", keys, () => query.all(...keys) as { bucket: number; calls: number }[]))
        pairs.push([bucketMidpointMs(r.bucket), r.calls]);
    }
    pairs.push(...this.edgeLatencies(this.days).map((r): [number, number] => [bucketMidpointMs(r.bucket), r.calls]));
    return pairs.sort((a, b) => a[0] - b[0]);
  }

  /** Latencies per agent, as (ms, calls) pairs of bucket midpoints sorted by ms. */
  latenciesByAgent(): Map<string, [number, number][]> {
    const byAgent = new Map<string, [number, number][]>();
    const add = (agent: string, bucket: number, calls: number) => {
      const pairs = byAgent.get(agent) ?? [];
      pairs.push([bucketMidpointMs(bucket), calls]);
      byAgent.set(agent, pairs);
    };
    const query = this.sqlite.prepare(
      "SELECT agent_name AS agent, bucket, sum(calls) AS calls FROM agent_desk_llm_latency WHERE day >= ? AND day < ? GROUP BY 1, 2",
    );
    for (const keys of this.keyRanges(this.days)) {
      for (const r of this.kept(
        "latencies by agent",
        keys,
        () => query.all(...keys) as { agent: string; bucket: number; calls: number }[],
      ))
        add(r.agent, r.bucket, r.calls);
    }
    for (const r of this.edgeLatencies(this.days, true)) add(r.agent, r.bucket, r.calls);
    for (const pairs of byAgent.values()) pairs.sort((a, b) => a[0] - b[0]);
    return byAgent;
  }

  /**
   * The key ranges of the whole buckets, naive and zoned: one query each, since an OR of two ranges costs SQLite a
   * de-duplication.
   */
  private keyRanges(inner: Inner | null): [string, string][] {
    return inner ? [inner.naive.keys, inner.zoned.keys] : [];
  }

  /**
   * Whole buckets (hours: 13 key characters, days: 10) inside the window, for naive and for zoned keys; null when
   * the window is too short to hold one of each, and then it is read from raw rows only.
   */
  private inner(size: number, keyLength: number): Inner | null {
    const wall = (instant: number) => instant + zoneOffsetMs(instant, this.zone);
    const naiveStartWall = Math.ceil(wall(this.sinceMs) / size) * size;
    const naiveEndWall = Math.floor(wall(this.nowMs) / size) * size;
    const zonedStart = Math.ceil(this.sinceMs / size) * size;
    const zonedEnd = Math.floor(this.nowMs / size) * size;
    if (naiveStartWall >= naiveEndWall || zonedStart >= zonedEnd) return null;
    const key = (ms: number) => new Date(ms).toISOString().slice(0, keyLength);
    return {
      naive: {
        keys: [key(naiveStartWall), key(naiveEndWall)],
        start: wallClockToInstant(naiveStartWall, this.zone),
        end: wallClockToInstant(naiveEndWall, this.zone),
      },
      zoned: { keys: [`U${key(zonedStart)}`, `U${key(zonedEnd)}`], start: zonedStart, end: zonedEnd },
    };
  }

  /**
   * The calls of the window's edges (of one agent, if given) that no whole hour counted, summed per hour key. Read
   * once per window for all agents (the agent is no index), so groups() and daily() share one pass.
   */
  private edgeSums(agent?: string): (LlmGroup & { hour: string })[] {
    this.hourEdges ??= this.readEdgeSums();
    return agent === undefined ? this.hourEdges : this.hourEdges.filter((row) => row.agentName === agent);
  }

  private readEdgeSums(): (LlmGroup & { hour: string })[] {
    const edges = this.edges(this.hours, 13);
    const t = llmUsageLog;
    return this.rawEdges("sums", this.hours, edges.ranges, (from, to) =>
      this.db()
        .select({
          hour: edges.key,
          agentName: t.agentName,
          provider: t.provider,
          model: t.model,
          requestType: t.requestType,
          calls: sql<number>`count(*)`,
          successes: sql<number>`total(${t.success} = 1)`,
          tokens: sql<number>`total(${t.tokensUsed})`,
          cost: sql<number>`total(${t.costUsd})`,
          latencySum: sql<number>`total(${t.responseTimeMs})`,
        })
        .from(t)
        .where(and(this.between(from, to), edges.uncounted))
        .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`)
        .all(),
    );
  }

  /** The calendar day in the zone of an hour key (naive wall-clock hour, or 'U' and a UTC hour). */
  private startOfHour(hour: string): number {
    return hour.startsWith("U")
      ? Date.parse(`${hour.slice(1)}:00:00Z`)
      : wallClockToInstant(Date.parse(`${hour}:00:00Z`), this.zone);
  }

  private dateOfHour(hour: string): string {
    return hour.startsWith("U") ? calendarDate(Date.parse(`${hour.slice(1)}:00:00Z`), this.zone) : hour.slice(0, 10);
  }

  /**
   * Latency edges span up to a day on each side: counted per bucket (and agent, if asked) in SQL, like the
   * histograms they join. Their whole hours are kept by the cache like whole days are; only the partial hours are
   * read on every request.
   */
  private edgeLatencies(inner: Inner | null, perAgent = false): { agent: string; bucket: number; calls: number }[] {
    const edges = this.edges(inner, 10);
    const bucket = sql<number>`${sql.raw(latencyBucketSql('"llm_usage_log"."response_time_ms"'))}`;
    const agent = perAgent ? llmUsageLog.agentName : sql<string>`''`;
    const read = (from: number, to: number) =>
      this.db()
        .select({ agent, bucket, calls: sql<number>`count(*)` })
        .from(llmUsageLog)
        .where(and(this.between(from, to), edges.uncounted))
        .groupBy(sql`1`, sql`2`)
        .all();
    return this.rawEdges(`latency ${perAgent}`, inner, edges.ranges, read);
  }

  /**
   * Raw rows of a period's edges, read through the cache in whole minutes: only the partial minutes at the very
   * start and end of each edge are read on every request (a peak hour holds thousands of calls, a minute a hundred).
   * A minute's read is kept until a call lands in it, so new calls in the current minute leave the others kept.
   */
  private rawEdges<Row>(
    kind: string,
    inner: Inner | null,
    ranges: [number, number][],
    read: (from: number, to: number) => Row[],
  ): Row[] {
    return ranges.flatMap(([from, to]) => {
      const [wholeFrom, wholeTo] = [Math.ceil(from / MINUTE_MS) * MINUTE_MS, Math.floor(to / MINUTE_MS) * MINUTE_MS];
      if (!this.cache || wholeFrom >= wholeTo) return read(from, to);
      const name = `edge ${kind} ${wholeFrom} ${wholeTo} ${this.keyRanges(inner).flat().join(" ")}`;
      const whole = this.cache.read(name, this.minuteKeyRanges(wholeFrom, wholeTo), () => read(wholeFrom, wholeTo));
      return [...read(from, wholeFrom), ...whole, ...read(wholeTo, to)];
    });
  }

  /**
   * The minute keys, naive and zoned, of every call that can fall in [fromMs, toMs) (a little wider, never narrower).
   */
  private minuteKeyRanges(fromMs: number, toMs: number): KeyRange[] {
    const key = (ms: number) => new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16);
    const wall = (ms: number) => ms + zoneOffsetMs(ms, this.zone);
    return [
      [key(wall(fromMs)), key(wall(toMs - 1) + MINUTE_MS)],
      [`U${key(fromMs)}`, `U${key(toMs - 1 + MINUTE_MS)}`],
    ];
  }

  /** A read of whole hours or days, from the cache when there is one. */
  private kept<T>(kind: string, keys: KeyRange, read: () => T): T {
    return this.cache ? this.cache.read(`${kind} ${keys.join(" ")}`, [keys], read) : read();
  }

  /**
   * The time ranges holding the raw rows a reader must add (the two edges, or the whole window when it is short)
   * and the condition for the rows to add: those whose bucket was not counted. A row's bucket key is computed by the
   * count's own SQL (llm-keys.ts), so "counted" means exactly what the aggregates hold.
   */
  private edges(inner: Inner | null, keyLength: 13 | 10) {
    const column = '"llm_usage_log"."timestamp"';
    const key = sql<string>`${sql.raw(keyLength === 13 ? hourKeySql(column) : dayKeySql(column))}`;
    if (!inner) return { key, ranges: [[this.sinceMs, this.nowMs]] as [number, number][], uncounted: sql`1` };
    // Every raw row of the window lies in one of these two ranges, none in both.
    const firstEnd = Math.max(inner.naive.start, inner.zoned.start);
    const secondStart = Math.max(firstEnd, Math.min(inner.naive.end, inner.zoned.end));
    const outside = ([lo, hi]: [string, string]) => sql`NOT (${key} >= ${lo} AND ${key} < ${hi})`;
    return {
      key,
      ranges: (
        [
          [this.sinceMs, firstEnd],
          [secondStart, this.nowMs],
        ] as [number, number][]
      ).filter(([from, to]) => from < to),
      uncounted: sql`${outside(inner.naive.keys)} AND ${outside(inner.zoned.keys)}`,
    };
  }

  private between(from: number, to: number) {
    return llmCallWithin(from, to, this.zone);
  }

  private db() {
    return drizzle(this.sqlite);
  }
}
