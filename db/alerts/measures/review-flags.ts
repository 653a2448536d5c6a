import "server-only";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import type { Observation } from "@/lib/alerts/rules";
import { lastDays } from "@/lib/period";
import { readContext, type RequestClock } from "@/lib/read-context";
import { REVIEW_RULE } from "@/lib/review-rule";

/** The agents the review rule flags, as the review page opens on them (its defaults): one observation each. */
export function measureReviewFlags(clock: RequestClock): Observation[] {
  const ctx = readContext(clock, lastDays(REVIEW_RULE.days, clock));
  return getUnderperformingAgents(ctx, REVIEW_RULE).map((agent) => ({
    instance: agent.agentName,
    firing: true,
    value: agent.efficiencyScore,
    threshold: REVIEW_RULE.threshold,
    facts: {
      agent: agent.agentName,
      trades: agent.tradesInvolved,
      days: REVIEW_RULE.days,
      minTrades: REVIEW_RULE.minTrades,
      path: "/review",
    },
  }));
}
