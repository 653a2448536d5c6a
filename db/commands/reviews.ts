import "server-only";
import { databaseProblem, writableDatabase } from "@/db";
import { agentDeskReviews } from "@/db/schema";
import { formText } from "@/lib/form-text";

export type ReviewOutcome = { ok: true } | { ok: false; error: string };

// A textarea: its line breaks are kept, and the review page folds them into spaces.
const REVIEW_NOTE = formText(
  { label: "Review note", max: 2000, lines: "many" },
  "Write a note: what was found, and what was done",
);

/**
 * `Mark reviewed`: the operator's note on a flagged agent, with the score they saw, in Agent Desk's own table. The
 * note is checked here, as sent.
 */
export function markReviewed(
  agent: string,
  note: unknown,
  efficiencyScore: number | null,
  actor: string,
): ReviewOutcome {
  const parsed = REVIEW_NOTE.safeParse(note);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  if (!/^[\w.-]{1,100}$/.test(agent)) return { ok: false, error: "No agent given" };
  const problem = databaseProblem();
  if (problem) return { ok: false, error: `Nothing was recorded: ${problem.message}` };
  const { db, sqlite } = writableDatabase();
  sqlite
    .transaction(() =>
      db.insert(agentDeskReviews).values({ agentName: agent, note: parsed.data, actor, efficiencyScore }).run(),
    )
    .immediate();
  return { ok: true };
}
