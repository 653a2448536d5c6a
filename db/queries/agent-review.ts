import "server-only";
import { and, isNotNull, sql } from "drizzle-orm";
import { database } from "@/db";
import { trades } from "@/db/schema";
import { parsePythonJson } from "@/lib/lenient-json";
import { atOrAfter } from "./event-window";
import { llmWindow } from "./llm-window";

/** What the review page says about one flagged agent beyond its score: its LLM calls and its worst trades. */
export function getReviewDetails(agent: string, days: number, now = Date.now()) {
  const { db, config } = database();
  const rows = db
    .select({ tradeId: trades.tradeId, ticker: trades.ticker, action: trades.action, pnl: trades.pnl7Days, contributions: trades.agentContributions })
    .from(trades)
    .where(and(atOrAfter(trades.timestamp, now - days * 86_400_000, config.dataTimeZone), isNotNull(trades.agentContributions), sql`+${trades.pnl7Days} IS NOT NULL`))
    .all();
  const worst = rows
    .flatMap((row) => {
      const parsed = parsePythonJson(row.contributions);
      const value = parsed.ok && parsed.value && typeof parsed.value === "object" ? (parsed.value as Record<string, unknown>)[agent] : undefined;
      return typeof value === "number" && Number.isFinite(value) ? [{ tradeId: row.tradeId, ticker: row.ticker, action: row.action, pnl: row.pnl!, contribution: value, weighted: value * row.pnl! }] : [];
    })
    .sort((a, b) => a.weighted - b.weighted)
    .slice(0, 3)
    .filter((t) => t.weighted < 0);
  const llm = llmWindow(days, now).groups(agent).reduce((sum, g) => ({ calls: sum.calls + g.calls, failed: sum.failed + g.calls - g.successes, cost: sum.cost + g.cost }), { calls: 0, failed: 0, cost: 0 });
  return { worst, llm: { ...llm, errorRate: llm.calls > 0 ? (llm.failed / llm.calls) * 100 : null } };
}
