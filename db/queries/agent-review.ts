import "server-only";
import { and, isNotNull, sql } from "drizzle-orm";
import { database } from "@/db";
import { trades, type Trade } from "@/db/schema";
import { numberAt } from "@/lib/lenient-json";
import type { ReadContext } from "@/lib/read-context";
import { withinPeriod } from "./event-window";
import { llmWindow } from "./open-llm-window";

type WorstTrade = Pick<Trade, "tradeId" | "ticker" | "action"> & {
  pnl: number;
  contribution: number;
  weighted: number;
};

/**
 * What the review page says about each flagged agent beyond its score: its LLM calls and its three worst trades
 * (most negative contribution × 7-day PnL). One read of the period's trades and one LLM window serve them all.
 */
export function getReviewDetails(ctx: ReadContext, agents: string[]) {
  const { db } = database(ctx);
  const rows = db
    .select({
      tradeId: trades.tradeId,
      ticker: trades.ticker,
      action: trades.action,
      pnl: trades.pnl7Days,
      contributions: trades.agentContributions,
    })
    .from(trades)
    .where(
      and(
        withinPeriod(trades.timestamp, ctx.period, ctx.zone),
        isNotNull(trades.agentContributions),
        sql`+${trades.pnl7Days} IS NOT NULL`,
      ),
    )
    .all();
  const groups = llmWindow(ctx).groups();
  return new Map(
    agents.map((agent) => {
      const worst = rows
        .flatMap((row): WorstTrade[] => {
          const contribution = numberAt(row.contributions, agent);
          return contribution === null
            ? []
            : [
                {
                  tradeId: row.tradeId,
                  ticker: row.ticker,
                  action: row.action,
                  pnl: row.pnl!,
                  contribution,
                  weighted: contribution * row.pnl!,
                },
              ];
        })
        .filter((t) => t.weighted < 0)
        .sort((a, b) => a.weighted - b.weighted)
        .slice(0, 3);
      const llm = groups
        .filter((g) => g.agentName === agent)
        .reduce(
          (sum, g) => ({
            calls: sum.calls + g.calls,
            failed: sum.failed + g.calls - g.successes,
            cost: sum.cost + g.cost,
          }),
          { calls: 0, failed: 0, cost: 0 },
        );
      return [agent, { worst, llm: { ...llm, errorRate: llm.calls > 0 ? (llm.failed / llm.calls) * 100 : null } }];
    }),
  );
}
