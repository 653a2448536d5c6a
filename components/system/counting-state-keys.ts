import type { CountingState } from "@/db/background/counting-loop";

/** Each state of the background count (the loop's own words, spaces and all) as a message key. */
export const COUNTING_STATE_KEYS: Record<CountingState, string> = {
  starting: "starting",
  counting: "counting",
  current: "current",
  "waiting for the writer": "waitingForWriter",
  refused: "refused",
  missing: "missing",
  migrating: "migrating",
  failed: "failed",
};
