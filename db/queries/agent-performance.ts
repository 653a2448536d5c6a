import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { database } from "@/db";
import { agentPerformance } from "@/db/schema";
import type { Period } from "@/lib/period";
import { datedWithin } from "./calendar-window";

/**
 * `get_agent_performance(agent, days)` of the trading system's Python code: the rows whose week ends in the period,
 * as stored; one agent's newest first, all agents' by rating.
 */
export function getAgentPerformance(period: Period, agent?: string) {
  const { db } = database();
  const inPeriod = datedWithin(agentPerformance.periodEnd, period);
  const query = db.select().from(agentPerformance);
  const rows = agent
    ? query.where(and(inPeriod, eq(agentPerformance.agentName, agent))).orderBy(desc(agentPerformance.periodEnd), desc(agentPerformance.id))
    : query.where(inPeriod).orderBy(desc(agentPerformance.performanceRating), desc(agentPerformance.id));
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
