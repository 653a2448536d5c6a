import "server-only";
import { RULE_PARAMS, type AlertRule, type Observation } from "@/lib/alerts/rules";
import type { RequestClock } from "@/lib/read-context";
import { measureCostSpike } from "./measures/cost-spike";
import { measureDatabaseFile } from "./measures/database-file";
import { measureProviderFailures } from "./measures/provider-failures";
import { measureQuiet } from "./measures/quiet";
import { measureReviewFlags } from "./measures/review-flags";
import { measureSpend, measureSpendForecast } from "./measures/spend";
import { measureSwapBreached, measureSwapChanges } from "./measures/swaps";

/** What the measurements need beside the file: the agent config's limits and the server's configuration. */
export type MeasureSettings = {
  costLimitDaily: number;
  costLimitWeekly: number;
  costAlertThreshold: number;
  autoRollback: boolean;
  databasePath: string;
};

/**
 * Observations for one rule at the clock's instant, read only; throws CountingInProgress (lib/counting-in-progress.ts)
 * while the figures it needs are still being counted, and DatabaseUnavailable while the file is missing (except for
 * the `database` kind, which reads the filesystem only). Params are checked against the kind's schema.
 */
export function measure(rule: AlertRule, clock: RequestClock, settings: MeasureSettings): Observation[] {
  switch (rule.kind) {
    case "spend":
      return measureSpend(RULE_PARAMS.spend.parse(rule.params), clock, settings);
    case "spend_forecast":
      return measureSpendForecast(clock, settings);
    case "cost_spike":
      return measureCostSpike(RULE_PARAMS.cost_spike.parse(rule.params), clock);
    case "review_flag":
      return measureReviewFlags(clock);
    case "swap_breached":
      return measureSwapBreached(clock, settings.autoRollback);
    case "swap_change":
      return measureSwapChanges(clock);
    case "provider_failures":
      return measureProviderFailures(RULE_PARAMS.provider_failures.parse(rule.params), clock);
    case "quiet":
      return measureQuiet(RULE_PARAMS.quiet.parse(rule.params), clock);
    case "database":
      return measureDatabaseFile(RULE_PARAMS.database.parse(rule.params), settings.databasePath);
  }
}
