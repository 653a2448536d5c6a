import { SYSTEM_NAME } from "@/lib/fleet/system-name";
import { DEFAULT_DAYS, type Period } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";
import { singleValue, type SearchValue } from "@/lib/search-value";

export type FleetSearchParams = PeriodSearch & { system?: SearchValue; requested?: SearchValue; invalid?: SearchValue };

export type FleetSearch = {
  period: Period;
  problem?: string;
  /** `?system=NAME`: one system's row, its central swaps and the form to record one; unset, every system. */
  system?: string;
  /** After the swap form: the request recorded, or the form's fields that were wrong (by name, never text). */
  requested?: string;
  invalid: string[];
};

const FIELDS = /^[a-zA-Z]{1,40}$/;

/** The fleet page's URL: its period (the last 30 days by default), the system, and what the swap form answered. */
export function readFleetSearch(search: FleetSearchParams, clock: RequestClock): FleetSearch {
  const system = singleValue(search.system);
  const requested = singleValue(search.requested);
  return {
    ...readPeriod(search, clock, DEFAULT_DAYS),
    system: system !== undefined && SYSTEM_NAME.test(system) ? system : undefined,
    requested: requested !== undefined && /^[A-Za-z0-9_-]{8,64}$/.test(requested) ? requested : undefined,
    invalid: (singleValue(search.invalid) ?? "").split(",").filter((field) => FIELDS.test(field)),
  };
}
