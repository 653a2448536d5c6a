import "server-only";
import { count, desc, sql } from "drizzle-orm";
import { database } from "@/db";
import { schemaVersion, trades } from "@/db/schema";
import { atOrAfter } from "./event-window";
import { llmWindow } from "./llm-window";

/** The overview's figures for the last `days` days (event time ≥ now − days × 24 h). */
export function getPeriodSummary(days: number, now = Date.now()) {
  const { db, config } = database();
  const since = now - days * 86_400_000;

  const llm = { calls: 0, costUsd: 0, successes: 0, tokens: 0 };
  for (const group of llmWindow(days, now).groups()) {
    llm.calls += group.calls;
    llm.costUsd += group.cost;
    llm.successes += group.successes;
    llm.tokens += group.tokens;
  }

  const trading = db
    .select({
      trades: count(),
      withPnl: count(trades.pnl7Days),
      pnl: sql<number>`coalesce(sum(${trades.pnl7Days}), 0)`,
      wins: sql<number>`coalesce(sum(${trades.pnl7Days} > 0), 0)`,
      losses: sql<number>`coalesce(sum(${trades.pnl7Days} < 0), 0)`,
    })
    .from(trades)
    .where(atOrAfter(trades.timestamp, since, config.dataTimeZone))
    .get()!;

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
