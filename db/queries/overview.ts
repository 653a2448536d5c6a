import "server-only";
import { desc } from "drizzle-orm";
import { database } from "@/db";
import { schemaVersion } from "@/db/schema";
import { llmWindow } from "./llm-window";
import { tradeWindow } from "./trade-window";

/** The overview's figures for the last `days` days (event time ≥ now − days × 24 h). */
export function getPeriodSummary(days: number, now = Date.now()) {
  const { db, config } = database();

  const llm = { calls: 0, costUsd: 0, successes: 0, tokens: 0 };
  for (const group of llmWindow(days, now).groups()) {
    llm.calls += group.calls;
    llm.costUsd += group.cost;
    llm.successes += group.successes;
    llm.tokens += group.tokens;
  }

  const { trades, with_pnl: withPnl, pnl, wins, losses } = tradeWindow(days, now).totals();
  const trading = { trades, withPnl, pnl, wins, losses };

  const version = db.select({ version: schemaVersion.version }).from(schemaVersion).orderBy(desc(schemaVersion.version)).limit(1).get();

  return {
    days,
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
export function getPeriodComparison(days: number, now = Date.now()) {
  return { current: getPeriodSummary(days, now), previous: getPeriodSummary(days, now - days * 86_400_000) };
}
