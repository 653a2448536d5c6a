import "server-only";
import { count, desc, sql, sum } from "drizzle-orm";
import { database } from "@/db";
import { llmUsageLog, schemaVersion, trades } from "@/db/schema";
import { atOrAfter } from "./event-window";

/** The overview's figures for the last `days` days (event time ≥ now − days × 24 h). */
export function getPeriodSummary(days: number, now = Date.now()) {
  const { db, config } = database();
  const since = now - days * 86_400_000;

  const llm = db
    .select({
      calls: count(),
      costUsd: sql<number>`coalesce(sum(${llmUsageLog.costUsd}), 0)`,
      successes: sql<number>`coalesce(sum(${llmUsageLog.success} = 1), 0)`,
      tokens: sql<number>`coalesce(${sum(llmUsageLog.tokensUsed)}, 0)`,
    })
    .from(llmUsageLog)
    .where(atOrAfter(llmUsageLog.timestamp, since, config.dataTimeZone))
    .get()!;

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
