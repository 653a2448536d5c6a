import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { llmUsageLog } from "@/db/schema";
import { within } from "@/db/queries/event-window";
import { calendarDate, parseEventTime, wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import { bucketMidpointMs, dayKeySql, hourKeySql } from "./llm-keys";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type LlmGroup = {
  agent_name: string;
  provider: string;
  model: string;
  request_type: string;
  calls: number;
  successes: number;
  tokens: number;
  cost: number;
  latency_sum: number;
};
export type LlmDay = { date: string; provider: string; calls: number; successes: number; tokens: number; cost: number };

type Span = { keys: [string, string]; start: number; end: number };
type Inner = { naive: Span; zoned: Span };

/**
 * The calls in [sinceMs, nowMs), exactly, from the aggregates of migrations/0003: every whole hour (or day)
 * inside the window comes from the aggregate tables, and only the partial ones at its two edges from raw rows,
 * which are then counted only when their own bucket was not. Naive keys are wall-clock time in `zone`.
 */
export class LlmWindow {
  private readonly hours: Inner | null;
  private readonly days: Inner | null;

  /** `useAggregates` false (a backfill still running) reads every call of the window from raw rows. */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly zone: string,
    private readonly sinceMs: number,
    private readonly nowMs: number,
    useAggregates: boolean,
  ) {
    this.hours = useAggregates ? this.inner(HOUR_MS, 13) : null;
    this.days = useAggregates ? this.inner(DAY_MS, 10) : null;
  }

  /** Sums per agent × provider × model × request type. */
  groups(): LlmGroup[] {
    const sums = new Map<string, LlmGroup>();
    const add = (row: LlmGroup) => {
      const key = `${row.agent_name}\0${row.provider}\0${row.model}\0${row.request_type}`;
      const sum = sums.get(key);
      if (!sum) return void sums.set(key, { ...row });
      sum.calls += row.calls;
      sum.successes += row.successes;
      sum.tokens += row.tokens;
      sum.cost += row.cost;
      sum.latency_sum += row.latency_sum;
    };
    if (this.hours) {
      const rows = this.sqlite
        .prepare(
          `SELECT agent_name, provider, model, request_type, sum(calls) AS calls, sum(successes) AS successes, sum(tokens) AS tokens,
                  total(cost_usd) AS cost, total(latency_ms_sum) AS latency_sum
           FROM agent_desk_llm_hourly WHERE (hour >= ? AND hour < ?) OR (hour >= ? AND hour < ?) GROUP BY 1, 2, 3, 4`,
        )
        .all(...this.hours.naive.keys, ...this.hours.zoned.keys) as LlmGroup[];
      rows.forEach(add);
    }
    for (const row of this.edgeRows(this.hours, 13)) {
      add({ agent_name: row.agentName, provider: row.provider, model: row.model, request_type: row.requestType, calls: 1, successes: row.success ? 1 : 0, tokens: row.tokensUsed, cost: row.costUsd, latency_sum: row.responseTimeMs });
    }
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
    if (this.hours) {
      const rows = this.sqlite
        .prepare(
          `SELECT hour, provider, sum(calls) AS calls, sum(successes) AS successes, sum(tokens) AS tokens, total(cost_usd) AS cost
           FROM agent_desk_llm_hourly WHERE (hour >= ? AND hour < ?) OR (hour >= ? AND hour < ?) GROUP BY 1, 2`,
        )
        .all(...this.hours.naive.keys, ...this.hours.zoned.keys) as { hour: string; provider: string; calls: number; successes: number; tokens: number; cost: number }[];
      for (const r of rows) {
        const date = r.hour.startsWith("U") ? calendarDate(Date.parse(`${r.hour.slice(1)}:00:00Z`), this.zone) : r.hour.slice(0, 10);
        add(date, r.provider, r.calls, r.successes, r.tokens, r.cost);
      }
    }
    for (const row of this.edgeRows(this.hours, 13)) {
      add(calendarDate(parseEventTime(row.timestamp, this.zone)!, this.zone), row.provider, 1, row.success ? 1 : 0, row.tokensUsed, row.costUsd);
    }
    return [...sums.values()].sort((a, b) => a.date.localeCompare(b.date) || a.provider.localeCompare(b.provider));
  }

  /** Failed calls per error message ('' when none), most frequent first. */
  errors(): { message: string; count: number }[] {
    const counts = new Map<string, number>();
    if (this.hours) {
      const rows = this.sqlite
        .prepare("SELECT error_message AS message, sum(calls) AS count FROM agent_desk_llm_errors WHERE (hour >= ? AND hour < ?) OR (hour >= ? AND hour < ?) GROUP BY 1")
        .all(...this.hours.naive.keys, ...this.hours.zoned.keys) as { message: string; count: number }[];
      for (const r of rows) counts.set(r.message, r.count);
    }
    for (const row of this.edgeRows(this.hours, 13)) {
      if (!row.success) counts.set(row.errorMessage ?? "", (counts.get(row.errorMessage ?? "") ?? 0) + 1);
    }
    return [...counts].filter(([, n]) => n > 0).map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
  }

  /** Latencies as (ms, calls) pairs: bucket midpoints for whole days, exact values at the edges. */
  latencies(): [number, number][] {
    const pairs: [number, number][] = [];
    if (this.days) {
      const rows = this.sqlite
        .prepare("SELECT bucket, sum(calls) AS calls FROM agent_desk_llm_latency WHERE (day >= ? AND day < ?) OR (day >= ? AND day < ?) GROUP BY 1")
        .all(...this.days.naive.keys, ...this.days.zoned.keys) as { bucket: number; calls: number }[];
      for (const r of rows) pairs.push([bucketMidpointMs(r.bucket), r.calls]);
    }
    for (const ms of this.edgeLatencies(this.days)) pairs.push([ms, 1]);
    return pairs.sort((a, b) => a[0] - b[0]);
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
      naive: { keys: [key(naiveStartWall), key(naiveEndWall)], start: wallClockToInstant(naiveStartWall, this.zone), end: wallClockToInstant(naiveEndWall, this.zone) },
      zoned: { keys: [`U${key(zonedStart)}`, `U${key(zonedEnd)}`], start: zonedStart, end: zonedEnd },
    };
  }

  /** Raw rows of the window that no whole hour (13 key characters) or day (10) counted. */
  private edgeRows(inner: Inner | null, keyLength: 13 | 10) {
    const edges = this.edges(inner, keyLength);
    return edges.ranges.flatMap(([from, to]) =>
      this.db().select({ row: llmUsageLog, key: edges.key }).from(llmUsageLog).where(this.between(from, to)).all().filter(edges.keep).map((r) => r.row),
    );
  }

  /** Latency edges span up to a day on each side: only the latencies are fetched. */
  private edgeLatencies(inner: Inner | null): number[] {
    const edges = this.edges(inner, 10);
    return edges.ranges.flatMap(([from, to]) =>
      this.db().select({ ms: llmUsageLog.responseTimeMs, key: edges.key }).from(llmUsageLog).where(this.between(from, to)).all().filter(edges.keep).map((r) => r.ms),
    );
  }

  /**
   * The time ranges holding the raw rows a reader must add (the two edges, or the whole window when it is short)
   * and which of their rows to keep: those whose bucket was not counted. A row's bucket key is computed by the
   * triggers' own SQL, so "counted" means exactly what the aggregates hold.
   */
  private edges(inner: Inner | null, keyLength: 13 | 10) {
    const column = '"llm_usage_log"."timestamp"';
    const key = sql<string>`${sql.raw(keyLength === 13 ? hourKeySql(column) : dayKeySql(column))}`;
    if (!inner) return { key, ranges: [[this.sinceMs, this.nowMs]] as [number, number][], keep: () => true };
    // Every raw row of the window lies in one of these two ranges, none in both.
    const firstEnd = Math.max(inner.naive.start, inner.zoned.start);
    const secondStart = Math.max(firstEnd, Math.min(inner.naive.end, inner.zoned.end));
    const inRange = (k: string, [lo, hi]: [string, string]) => k >= lo && k < hi;
    return {
      key,
      ranges: [[this.sinceMs, firstEnd], [secondStart, this.nowMs]] as [number, number][],
      keep: (row: { key: string }) => !inRange(row.key, inner.naive.keys) && !inRange(row.key, inner.zoned.keys),
    };
  }

  private between(from: number, to: number) {
    return within(llmUsageLog.timestamp, from, to, this.zone);
  }

  private db() {
    return drizzle(this.sqlite);
  }
}
