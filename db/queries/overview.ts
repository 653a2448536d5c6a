import "server-only";
import { desc } from "drizzle-orm";
import { database } from "@/db";
import { schemaVersion } from "@/db/schema";
import { previousPeriod } from "@/lib/period";
import type { ReadContext } from "@/lib/read-context";
import { tradeWindow } from "./counted-trades";
import { llmWindow } from "./open-llm-window";

/** The overview's figures for the period. */
export function getPeriodSummary(ctx: ReadContext) {
  const { db, config } = database(ctx);

  const llm = { calls: 0, costUsd: 0, successes: 0, tokens: 0 };
  for (const group of llmWindow(ctx).groups()) {
    llm.calls += group.calls;
    llm.costUsd += group.cost;
    llm.successes += group.successes;
    llm.tokens += group.tokens;
  }

  const { trades, withPnl, pnl, wins, losses } = tradeWindow(ctx).totals();
  const trading = { trades, withPnl, pnl, wins, losses };

  const version = db
    .select({ version: schemaVersion.version })
    .from(schemaVersion)
    .orderBy(desc(schemaVersion.version))
    .limit(1)
    .get();

  return {
    days: ctx.period.days,
    llm: { ...llm, successRate: llm.calls > 0 ? (llm.successes / llm.calls) * 100 : null },
    trading: {
      ...trading,
      winRate: trading.wins + trading.losses > 0 ? (trading.wins / (trading.wins + trading.losses)) * 100 : null,
      costPerTrade: trading.trades > 0 ? llm.costUsd / trading.trades : null,
    },
    schemaVersion: version?.version ?? null,
    pnlCurrency: config.pnlCurrency,
  };
}

/** The period's figures and those of the period of the same length just before it. */
export function getPeriodComparison(ctx: ReadContext) {
  return {
    current: getPeriodSummary(ctx),
    previous: getPeriodSummary({ ...ctx, period: previousPeriod(ctx.period, ctx.zone) }),
  };
}
