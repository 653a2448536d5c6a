import "server-only";
import { database, type ReadSource } from "@/db";
import { agentDeskReviews } from "@/db/schema";

/** Each agent's latest review note. */
export function latestReviews(source: ReadSource) {
  const { db } = database(source);
  const latest = new Map<string, typeof agentDeskReviews.$inferSelect>();
  for (const review of db.select().from(agentDeskReviews).all()) {
    const seen = latest.get(review.agentName);
    if (!seen || review.reviewedAt > seen.reviewedAt || (review.reviewedAt === seen.reviewedAt && review.id > seen.id))
      latest.set(review.agentName, review);
  }
  return latest;
}
