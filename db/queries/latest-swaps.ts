import "server-only";
import { database } from "@/db";
import { modelEvolutionHistory } from "@/db/schema";
import { parseEventTime } from "@/lib/event-time";

/** The newest model swaps, by instant. The swap log is small, and its mixed time formats do not sort as text. */
export function getLatestSwaps(limit: number) {
  const { db, config } = database();
  return db
    .select()
    .from(modelEvolutionHistory)
    .all()
    .map((swap) => ({ ...swap, atMs: parseEventTime(swap.timestamp, config.dataTimeZone) }))
    .sort((a, b) => (b.atMs ?? 0) - (a.atMs ?? 0) || b.id - a.id)
    .slice(0, limit);
}
