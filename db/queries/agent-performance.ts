import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { database } from "@/db";
import { agentPerformance } from "@/db/schema";
import { firstCalendarDay } from "./calendar-window";

/** `get_agent_performance(agent, days)` of the trading system's Python code: rows as stored; one agent newest first, all by rating. */
export function getAgentPerformance(days: number, agent?: string, now = Date.now()) {
  const { db, config } = database();
  const since = gte(agentPerformance.periodEnd, firstCalendarDay(days, config.dataTimeZone, now));
  const query = db.select().from(agentPerformance);
  const rows = agent
    ? query.where(and(since, eq(agentPerformance.agentName, agent))).orderBy(desc(agentPerformance.periodEnd), desc(agentPerformance.id))
    : query.where(since).orderBy(desc(agentPerformance.performanceRating), desc(agentPerformance.id));
  return rows.all().map(toApiRow);
}

function toApiRow(row: typeof agentPerformance.$inferSelect) {
  return {
    id: row.id,
    agent_name: row.agentName,
    period_start: row.periodStart,
    period_end: row.periodEnd,
    total_decisions: row.totalDecisions,
    successful_decisions: row.successfulDecisions,
    avg_contribution_score: row.avgContributionScore,
    performance_rating: row.performanceRating,
    wins: row.wins,
    losses: row.losses,
    total_pnl_attributed: row.totalPnlAttributed,
    confidence_accuracy: row.confidenceAccuracy,
    created_at: row.createdAt,
  };
}
