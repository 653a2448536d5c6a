import "server-only";
import { database } from "@/db";
import { agentDeskReviews } from "@/db/schema";

export type ReviewOutcome = { ok: true } | { ok: false; error: string };

/** `Mark reviewed`: the operator's note on a flagged agent, with the score they saw, in Agent Desk's own table. */
export function markReviewed(agent: string, note: string, efficiencyScore: number | null, actor: string): ReviewOutcome {
  const text = note.normalize("NFC").trim();
  if (!text) return { ok: false, error: "Write a note: what was found, and what was done" };
  if (text.length > 2000) return { ok: false, error: "The note is too long (at most 2000 characters)" };
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(text)) return { ok: false, error: "The note holds control or text-direction characters" };
  if (!/^[\w.-]{1,100}$/.test(agent)) return { ok: false, error: "No agent given" };
  const { db, sqlite } = database();
  sqlite.transaction(() => db.insert(agentDeskReviews).values({ agentName: agent, note: text, actor, efficiencyScore }).run()).immediate();
  return { ok: true };
}

/** Each agent's latest review note. */
export function latestReviews() {
  const { db } = database();
  const latest = new Map<string, typeof agentDeskReviews.$inferSelect>();
  for (const review of db.select().from(agentDeskReviews).all()) {
    const seen = latest.get(review.agentName);
    if (!seen || review.reviewedAt > seen.reviewedAt || (review.reviewedAt === seen.reviewedAt && review.id > seen.id)) latest.set(review.agentName, review);
  }
  return latest;
}
