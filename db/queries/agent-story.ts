import "server-only";
import { database } from "@/db";
import { calendarDate } from "@/lib/event-time";
import { canonicalModel } from "@/lib/model-names";
import { isWithin, type Period } from "@/lib/period";
import { getAgentPerformance } from "./agent-performance";
import { periodDays } from "./calendar-window";
import { eventMsWithin } from "./event-window";
import { llmWindow } from "./llm-window";
import { getSwapLog } from "./swap-log";
import { tradeWindow } from "./trade-window";

const DAY_MS = 86_400_000;

/**
 * One agent over the period, as its page tells it: per day its contribution-weighted PnL score and LLM cost by
 * model, its weekly ratings, its swaps as markers with their validation windows, its calls by model, and its
 * newest trades with its contribution to each.
 */
export function getAgentStory(agent: string, period: Period) {
  const { sqlite, config } = database();
  const zone = config.dataTimeZone;

  const llm = llmWindow(period);
  const costs = llm.agentDaily(agent);
  const models = [...new Set(costs.map((c) => canonicalModel(c.model)))].sort();
  const trades = new Map(tradeWindow(period).agentDaily(agent).map((d) => [d.day, d]));
  const daily = periodDays(period, zone).map((date) => {
    const t = trades.get(date);
    const row: Record<string, number | null> = { score: t && t.trades > 0 ? t.weighted_pnl / t.trades : null, trades: t?.trades ?? 0, rating: null };
    models.forEach((_, i) => (row[`m${i}`] = 0)); // keyed by index: Recharts reads dots in a key as a path
    return { date, ...row } as { date: string } & Record<string, number | null>;
  });
  const byDate = new Map(daily.map((d) => [d.date, d]));
  for (const c of costs) {
    const row = byDate.get(c.date);
    const key = `m${models.indexOf(canonicalModel(c.model))}`;
    if (row) row[key] = (row[key] ?? 0) + c.cost;
  }

  // The reflection loop's weekly rating, drawn at the end of its week.
  for (const r of getAgentPerformance(period, agent)) {
    const row = byDate.get(r.period_end);
    if (row) row.rating = r.performance_rating;
  }

  const swaps = getSwapLog({ agent }).filter((s) => s.atMs !== null && isWithin(period, s.atMs));
  const markers = swaps.map((s) => ({ date: calendarDate(s.atMs!, zone), label: `→ ${s.newModel}` }));
  const bands = swaps.map((s) => {
    const end = calendarDate(s.atMs! + (s.validationPeriodDays ?? 7) * DAY_MS, zone);
    return { from: calendarDate(s.atMs!, zone), to: end > period.last ? period.last : end, label: `validating ${s.newModel}` };
  });

  const byModel = new Map<string, { model: string; provider: string; calls: number; successes: number; cost: number; latency_sum: number; tokens: number }>();
  for (const g of llm.groups(agent)) {
    const model = canonicalModel(g.model);
    const m = byModel.get(model) ?? { model, provider: g.provider, calls: 0, successes: 0, cost: 0, latency_sum: 0, tokens: 0 };
    m.calls += g.calls;
    m.successes += g.successes;
    m.cost += g.cost;
    m.latency_sum += g.latency_sum;
    m.tokens += g.tokens;
    byModel.set(model, m);
  }

  const within = eventMsWithin("f.event_ms", period);
  const recentTrades = sqlite
    .prepare(
      `SELECT t.trade_id AS tradeId, t.ticker, t.action, f.event_ms AS atMs, f.pnl_7_days AS pnl, c.contribution, t.decision_confidence AS confidence
       FROM agent_desk_trades AS f
       JOIN agent_desk_trade_contributions AS c ON c.trade_rowid = f.trade_rowid AND c.agent_name = @agent
       JOIN trades AS t ON t.rowid = f.trade_rowid
       WHERE ${within.sql} ORDER BY f.event_ms DESC LIMIT 20`,
    )
    .all({ agent, ...within.params }) as { tradeId: string | null; ticker: string; action: string; atMs: number; pnl: number | null; contribution: number; confidence: number | null }[];

  // Contribution against the trade's PnL, newest 1,000 trades with a known PnL: does a bigger say mean a better trade?
  const points = sqlite
    .prepare(
      `SELECT c.contribution AS x, f.pnl_7_days AS y FROM agent_desk_trades AS f
       JOIN agent_desk_trade_contributions AS c ON c.trade_rowid = f.trade_rowid AND c.agent_name = @agent
       WHERE ${within.sql} AND f.pnl_7_days IS NOT NULL ORDER BY f.event_ms DESC LIMIT 1000`,
    )
    .all({ agent, ...within.params }) as { x: number; y: number }[];

  return { daily, models, points, correlation: correlation(points), markers, bands, usage: [...byModel.values()].sort((a, b) => b.cost - a.cost), recentTrades };
}

/** Pearson's r of the points; null when there are fewer than three or either side does not vary. */
function correlation(points: { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 3) return null;
  const mean = (pick: (p: { x: number; y: number }) => number) => points.reduce((sum, p) => sum + pick(p), 0) / n;
  const [mx, my] = [mean((p) => p.x), mean((p) => p.y)];
  let [sxy, sxx, syy] = [0, 0, 0];
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
    syy += (p.y - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
