import "server-only";
import { desc } from "drizzle-orm";
import { database } from "@/db";
import { schemaVersion } from "@/db/schema";
import { previousPeriod, type Period } from "@/lib/period";
import { llmWindow } from "./llm-window";
import { tradeWindow } from "./trade-window";

/** The overview's figures for the period. */
export function getPeriodSummary(period: Period) {
  const { db, config } = database();

  const llm = { calls: 0, costUsd: 0, successes: 0, tokens: 0 };
  for (const group of llmWindow(period).groups()) {
    llm.calls += group.calls;
    llm.costUsd += group.cost;
    llm.successes += group.successes;
    llm.tokens += group.tokens;
  }

  const { trades, with_pnl: withPnl, pnl, wins, losses } = tradeWindow(period).totals();
  const trading = { trades, withPnl, pnl, wins, losses };

  const version = db.select({ version: schemaVersion.version }).from(schemaVersion).orderBy(desc(schemaVersion.version)).limit(1).get();

  return {
    days: period.days,
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
export function getPeriodComparison(period: Period) {
  return { current: getPeriodSummary(period), previous: getPeriodSummary(previousPeriod(period, database().config.dataTimeZone)) };
}
