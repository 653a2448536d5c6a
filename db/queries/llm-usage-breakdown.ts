import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { database } from "@/db";
import { llmUsageLog } from "@/db/schema";
import { canonicalModel } from "@/lib/model-names";
import { percentile } from "@/lib/percentiles";
import { eventDay } from "./event-day";
import { atOrAfter } from "./event-window";

const t = llmUsageLog;
const totals = {
  calls: sql<number>`count(*)`,
  tokens: sql<number>`total(${t.tokensUsed})`,
  cost: sql<number>`total(${t.costUsd})`,
  successes: sql<number>`total(${t.success} = 1)`,
};

/** What the costs page needs beyond SPEC.md's figures: by model and request type, latency percentiles, errors, days. */
export function getUsageBreakdown(days: number, now = Date.now()) {
  const { db } = database();
  const window = atOrAfter(t.timestamp, now - days * 86_400_000);

  // Models are grouped by canonical name; the raw names stay listed with it.
  const byModel = new Map<string, { model: string; provider: string; raw_names: string[]; calls: number; tokens: number; cost: number; successes: number }>();
  for (const row of db.select({ provider: t.provider, raw: t.model, ...totals }).from(t).where(window).groupBy(sql`+${t.provider}`, t.model).all()) {
    const model = canonicalModel(row.raw);
    const key = `${row.provider}/${model}`;
    const entry = byModel.get(key) ?? { model, provider: row.provider, raw_names: [], calls: 0, tokens: 0, cost: 0, successes: 0 };
    entry.raw_names.push(row.raw);
    entry.calls += row.calls;
    entry.tokens += row.tokens;
    entry.cost += row.cost;
    entry.successes += row.successes;
    byModel.set(key, entry);
  }

  const byRequestType = db.select({ request_type: t.requestType, ...totals }).from(t).where(window).groupBy(t.requestType).all();

  const latencies = db.select({ ms: t.responseTimeMs }).from(t).where(window).orderBy(t.responseTimeMs).all().map((r) => r.ms);
  const failures = db
    .select({ message: sql<string>`coalesce(${t.errorMessage}, '(no message)')`, count: sql<number>`count(*)` })
    .from(t)
    .where(and(window, eq(t.success, false)))
    .groupBy(sql`1`)
    .orderBy(desc(sql`2`))
    .all();
  const failed = failures.reduce((sum, f) => sum + f.count, 0);
  const all = { calls: latencies.length, cost: [...byModel.values()].reduce((sum, m) => sum + m.cost, 0) };

  const daily = db
    .select({ date: eventDay(t.timestamp), provider: t.provider, ...totals })
    .from(t)
    .where(window)
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`)
    .all();

  return {
    by_model: [...byModel.values()].sort((a, b) => b.cost - a.cost),
    by_request_type: byRequestType.sort((a, b) => b.cost - a.cost),
    latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    errors: { failed_requests: failed, error_rate: all.calls > 0 ? (failed / all.calls) * 100 : 0, most_frequent: failures.slice(0, 5) },
    cost_per_successful_call: all.calls - failed > 0 ? all.cost / (all.calls - failed) : null,
    daily,
  };
}
