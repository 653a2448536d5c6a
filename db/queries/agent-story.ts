import "server-only";
import { database } from "@/db";
import type { LlmGroup } from "@/db/aggregates/llm-window-reader";
import type { Trade } from "@/db/schema";
import { canonicalModel } from "@/lib/model-names";
import type { ReadContext } from "@/lib/read-context";
import { periodDays } from "./calendar-window";
import { tradeWindow } from "./counted-trades";
import { eventMsWithin } from "./event-window";
import { llmWindow } from "./open-llm-window";

type ContributedTrade = Pick<Trade, "tradeId" | "ticker" | "action"> & {
  atMs: number;
  pnl: Trade["pnl7Days"];
  contribution: number;
  confidence: Trade["decisionConfidence"];
};

/**
 * One agent over the period, as its page tells it: the period's days with its trades' contribution-weighted PnL
 * and its LLM cost by model per day (lib/series/agent-daily.ts makes the chart rows of them), its calls by model,
 * and its newest trades with its contribution to each.
 */
export function getAgentStory(ctx: ReadContext, agent: string) {
  const { sqlite } = database(ctx);
  const llm = llmWindow(ctx);

  const byModel = new Map<
    string,
    Pick<LlmGroup, "model" | "provider" | "calls" | "successes" | "cost" | "latencySum" | "tokens">
  >();
  for (const g of llm.groups(agent)) {
    const model = canonicalModel(g.model);
    const m = byModel.get(model) ?? {
      model,
      provider: g.provider,
      calls: 0,
      successes: 0,
      cost: 0,
      latencySum: 0,
      tokens: 0,
    };
    m.calls += g.calls;
    m.successes += g.successes;
    m.cost += g.cost;
    m.latencySum += g.latencySum;
    m.tokens += g.tokens;
    byModel.set(model, m);
  }

  const within = eventMsWithin("f.event_ms", ctx.period);
  const recentTrades = sqlite
    .prepare(
      `SELECT t.trade_id AS tradeId, t.ticker, t.action, f.event_ms AS atMs, f.pnl_7_days AS pnl, c.contribution, t.decision_confidence AS confidence
       FROM agent_desk_trades AS f
       JOIN agent_desk_trade_contributions AS c ON c.trade_rowid = f.trade_rowid AND c.agent_name = @agent
       JOIN trades AS t ON t.rowid = f.trade_rowid
       WHERE ${within.sql} ORDER BY f.event_ms DESC LIMIT 20`,
    )
    .all({ agent, ...within.params }) as ContributedTrade[];

  // Contribution against the trade's PnL, newest 1,000 trades with a known PnL: does a bigger say mean a better trade?
  const points = sqlite
    .prepare(
      `SELECT c.contribution AS x, f.pnl_7_days AS y FROM agent_desk_trades AS f
       JOIN agent_desk_trade_contributions AS c ON c.trade_rowid = f.trade_rowid AND c.agent_name = @agent
       WHERE ${within.sql} AND f.pnl_7_days IS NOT NULL ORDER BY f.event_ms DESC LIMIT 1000`,
    )
    .all({ agent, ...within.params }) as { x: number; y: number }[];

  return {
    days: periodDays(ctx.period, ctx.zone),
    tradeDays: tradeWindow(ctx).agentDaily(agent),
    costs: llm.agentDaily(agent),
    points,
    correlation: correlation(points),
    usage: [...byModel.values()].sort((a, b) => b.cost - a.cost),
    recentTrades,
  };
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
