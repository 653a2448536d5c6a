import type { RuleParams } from "./rules";

// The kinds of rule and what a new one starts from, without the schemas (lib/alerts/rules.ts): the rule form in the
// browser needs these and none of zod.

/**
 * What Agent Desk can alert on. Each kind measures one thing (db/alerts/measure.ts); a rule is one kind with its
 * own thresholds, so an operator can keep the defaults and add a stricter copy ("spend today past 50 %").
 */
export const RULE_KINDS = [
  "spend",
  "spend_forecast",
  "cost_spike",
  "review_flag",
  "swap_breached",
  "swap_change",
  "provider_failures",
  "quiet",
  "database",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What the new-rule form starts from for each kind: the thresholds migration 0011's starting rules use. */
export const STARTING_PARAMS: { [K in RuleKind]: RuleParams<K> } = {
  spend: { period: "day", share: null },
  spend_forecast: {},
  cost_spike: { factor: 3, minUsd: 1 },
  review_flag: {},
  swap_breached: {},
  swap_change: {},
  provider_failures: { rate: 0.2, minCalls: 20, minutes: 5 },
  quiet: { minutes: 30, days: [1, 2, 3, 4, 5], start: "09:00", end: "15:30", zone: "Asia/Seoul" },
  database: { minFreePercent: 5 },
};

/** While a rule stays firing it is sent again at most this often, unless the operator sets otherwise (Alertmanager's 4 h). */
export const STARTING_REPEAT_MINUTES = 240;

/** Kinds whose instances are notices (a swap recorded): each sent once, never firing or resolved. */
export const NOTICE_KINDS: readonly RuleKind[] = ["swap_change"];
