import "server-only";
import { and, isNotNull, sql } from "drizzle-orm";
import { database } from "@/db";
import { trades } from "@/db/schema";
import { numberAt } from "@/lib/lenient-json";
import type { WindowMeasure } from "@/lib/swap-status";
import { atOrAfter, before } from "./event-window";
import { llmCallsBetween } from "./llm-window";

/** One agent's measured performance in [fromMs, toMs): its trades' contribution-weighted PnL and its LLM calls. */
export function measureWindow(agent: string, fromMs: number, toMs: number): WindowMeasure {
  const { db, config } = database();
  const rows = db
    .select({ contributions: trades.agentContributions, pnl: trades.pnl7Days })
    .from(trades)
    .where(and(atOrAfter(trades.timestamp, fromMs, config.dataTimeZone), before(trades.timestamp, toMs, config.dataTimeZone), isNotNull(trades.agentContributions), sql`+${trades.pnl7Days} IS NOT NULL`))
    .all();
  let count = 0;
  let weighted = 0;
  for (const row of rows) {
    const value = numberAt(row.contributions, agent);
    if (value === null) continue;
    count += 1;
    weighted += value * row.pnl!;
  }
  const calls = { calls: 0, successes: 0, cost: 0 };
  for (const group of llmCallsBetween(fromMs, toMs).groups(agent)) {
    calls.calls += group.calls;
    calls.successes += group.successes;
    calls.cost += group.cost;
  }
  return {
    trades: count,
    pnlScore: count > 0 ? weighted / count : null,
    calls: calls.calls,
    successRate: calls.calls > 0 ? calls.successes / calls.calls : null,
    costUsd: calls.cost,
  };
}
