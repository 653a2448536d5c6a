import { readPeriod, type PeriodSearch } from "@/lib/period-params";
import type { RequestClock } from "@/lib/read-context";
import { singleValue, type SearchValue } from "@/lib/search-value";

export const WORKFLOWS = ["all", "trading", "reflection"] as const;
export type Workflow = (typeof WORKFLOWS)[number];

/** The page's tabs: the leaderboard (the default) or each agent's model history (`?view=models`). */
export const AGENT_VIEWS = ["leaderboard", "models"] as const;
export type AgentsView = (typeof AGENT_VIEWS)[number];

/** The leaderboard's columns, by the key `?sort=` names them with. */
const LEADERBOARD_SORTS = [
  "agent",
  "model",
  "rating",
  "trend",
  "winrate",
  "pnl",
  "contribution",
  "efficiency",
  "accuracy",
  "calls",
  "cost",
  "perdecision",
  "success",
  "p95",
  "swap",
] as const;
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];
export type SortDirection = "asc" | "desc";

const AGENTS_DEFAULTS = { sort: "rating", direction: "desc", workflow: "all", view: "leaderboard" } as const satisfies {
  sort: LeaderboardSort;
  direction: SortDirection;
  workflow: Workflow;
  view: AgentsView;
};

export type AgentsSearch = PeriodSearch & {
  sort?: SearchValue;
  dir?: SearchValue;
  workflow?: SearchValue;
  view?: SearchValue;
};

/**
 * The agents page's URL: its period, the leaderboard's sort column and direction, the workflow shown and the tab; anything
 * unknown is the default.
 */
export function readAgentsSearch(search: AgentsSearch, clock: RequestClock) {
  const { period, problem } = readPeriod(search, clock);
  const direction: SortDirection = singleValue(search.dir) === "asc" ? "asc" : AGENTS_DEFAULTS.direction;
  return {
    period,
    problem,
    sort: LEADERBOARD_SORTS.find((s) => s === singleValue(search.sort)) ?? AGENTS_DEFAULTS.sort,
    direction,
    workflow: WORKFLOWS.find((w) => w === singleValue(search.workflow)) ?? AGENTS_DEFAULTS.workflow,
    view: AGENT_VIEWS.find((v) => v === singleValue(search.view)) ?? AGENTS_DEFAULTS.view,
  };
}
