import { z } from "zod";
import type { RuleKind } from "./rule-kinds";

export type { RuleKind };

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM");

/** Each kind's settings, as stored (JSON in agent_desk_alert_rules.params) and as the rule form sends them. */
export const RULE_PARAMS = {
  // LLM spend of today or this week (calendar, in the data's zone, weeks from Monday) against the agent config's
  // limit: `share` of it (null: the config's cost_alert_threshold, 1: the limit itself).
  spend: z.strictObject({ period: z.enum(["day", "week"]), share: z.number().gt(0).max(10).nullable() }),
  // Today's spend plus the last hour's rate for the hours left would pass the daily limit.
  spend_forecast: z.strictObject({}),
  // The last whole hour's spend over `factor` times the median of the same hour on the 14 days before, and at
  // least `minUsd` (a spike of cents is no news).
  cost_spike: z.strictObject({ factor: z.number().min(1.1).max(100), minUsd: z.number().min(0).max(1_000_000) }),
  // An agent the review rule (lib/review-rule.ts) flags: one alert per agent.
  review_flag: z.strictObject({}),
  // A swap whose verdict is breached, until it is rolled back: one alert per swap.
  swap_breached: z.strictObject({}),
  // Every swap and rollback recorded, by an operator or by AUTO_ROLLBACK: a notice each, nothing to resolve.
  swap_change: z.strictObject({}),
  // A provider's failed calls over the last `minutes`, once it made at least `minCalls`: one alert per provider.
  provider_failures: z.strictObject({
    rate: z.number().gt(0).max(1),
    minCalls: z.number().int().min(1).max(1_000_000),
    minutes: z.number().int().min(1).max(1440),
  }),
  // No LLM call and no trade for `minutes` while the market is open (`days`: ISO weekdays, 1 = Monday).
  quiet: z.strictObject({
    minutes: z.number().int().min(1).max(1440),
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: hhmm,
    end: hhmm,
    zone: z.string().min(1),
  }),
  // The database file missing, refusing writes, or its disk with less than `minFreePercent` free.
  database: z.strictObject({ minFreePercent: z.number().gt(0).max(50) }),
} satisfies Record<RuleKind, z.ZodType>;

export type RuleParams<K extends RuleKind = RuleKind> = z.infer<(typeof RULE_PARAMS)[K]>;

/** A rule as the evaluator and the pages see it. */
export type AlertRule = {
  id: number;
  kind: RuleKind;
  /** The operator's name for it; null: the page and messages name it by its kind and thresholds. */
  name: string | null;
  params: RuleParams;
  enabled: boolean;
  /** While a rule stays firing, it is sent again no more often than this. */
  repeatMinutes: number;
};

/**
 * What a measurement found for one instance of a rule (an agent, a provider, a swap; '' for a rule with one):
 * whether its condition holds now, the figure and the threshold it was held against, and the facts its message
 * names. An instance a measurement does not list is not firing.
 */
export type Observation = {
  instance: string;
  firing: boolean;
  value: number | null;
  threshold: number | null;
  /** What the message says beside the figure (the period, the counts of 429s and 5xx, the swap's models, …). */
  facts: Record<string, string | number | boolean | null>;
};
