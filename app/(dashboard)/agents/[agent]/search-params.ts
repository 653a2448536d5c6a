import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";

// An agent's page opens on 90 days, enough weekly ratings to see a trend; most pages open on DEFAULT_DAYS, 30.
export const AGENT_DAYS = 90;

export type AgentSearch = PeriodSearch;

/** An agent's page's URL: its period only. */
export function readAgentSearch(search: AgentSearch, clock: RequestClock) {
  return readPeriod(search, clock, AGENT_DAYS);
}
