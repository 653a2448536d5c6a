/**
 * The review rule, the trading system's `get_underperforming_agents` as it is called by default: over the last 30
 * days, agents in at least 10 trades whose efficiency score is under -0.1. The review page (and the overview's
 * agents to review, which shows it as it opens) and /api/agents/underperforming start from it.
 */
export const REVIEW_RULE = { days: 30, minTrades: 10, threshold: -0.1 } as const;
