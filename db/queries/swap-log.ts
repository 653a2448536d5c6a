import "server-only";
import { database } from "@/db";
import { modelEvolutionHistory } from "@/db/schema";
import { parseEventTime } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";

/**
 * The model swaps, newest first by instant (the swap log is small; its mixed time formats do not sort as text),
 * each with its instant (`atMs`) read in the clock's zone.
 */
export function getSwapLog(clock: RequestClock, { agent, limit }: { agent?: string; limit?: number } = {}) {
  const { db } = database(clock);
  const swaps = db
    .select()
    .from(modelEvolutionHistory)
    .all()
    .filter((swap) => agent === undefined || swap.agentName === agent)
    .map((swap) => ({ ...swap, atMs: parseEventTime(swap.timestamp, clock.zone) }))
    .sort((a, b) => (b.atMs ?? 0) - (a.atMs ?? 0) || b.id - a.id);
  return limit === undefined ? swaps : swaps.slice(0, limit);
}
