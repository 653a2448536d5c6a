import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { database } from "@/db";
import { agentPerformance, type AgentPerformance } from "@/db/schema";
import type { ReadContext } from "@/lib/read-context";
import { datedWithin } from "./calendar-window";

/**
 * `get_agent_performance(agent, days)` of the trading system's Python code: the rows whose week ends in the period,
 * as stored; one agent's newest first, all agents' by rating.
 */
export function getAgentPerformance(ctx: ReadContext, agent?: string): AgentPerformance[] {
  const { period } = ctx;
  const { db } = database(ctx);
  const inPeriod = datedWithin(agentPerformance.periodEnd, period);
  const query = db.select().from(agentPerformance);
  const rows = agent
    ? query
        .where(and(inPeriod, eq(agentPerformance.agentName, agent)))
        .orderBy(desc(agentPerformance.periodEnd), desc(agentPerformance.id))
    : query.where(inPeriod).orderBy(desc(agentPerformance.performanceRating), desc(agentPerformance.id));
  return rows.all();
}
