import "server-only";
import { databaseProblem, writableDatabase } from "@/db";
import { agentDeskReviews } from "@/db/schema";
import { formText } from "@/lib/form-text";
import { sayInEnglish, type Say } from "@/lib/say";

export type ReviewOutcome = { ok: true } | { ok: false; error: string };

// A textarea: its line breaks are kept, and the review page folds them into spaces.
const reviewNote = (say: Say) =>
  formText({ label: { key: "field.reviewNote" }, max: 2000, lines: "many" }, say, { key: "review.noteRequired" });

const ENGLISH = sayInEnglish("review");

/**
 * `Mark reviewed`: the operator's note on a flagged agent, with the score they saw, in Agent Desk's own table. The
 * note is checked here, as sent; the answer is in `say`'s words (the reader's, from the form; else English).
 */
export function markReviewed(
  agent: string,
  note: unknown,
  efficiencyScore: number | null,
  actor: string,
  say: Say = ENGLISH,
): ReviewOutcome {
  const parsed = reviewNote(say).safeParse(note);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  if (!/^[\w.-]{1,100}$/.test(agent)) return { ok: false, error: say({ key: "review.noAgent" }) };
  const problem = databaseProblem();
  if (problem)
    return { ok: false, error: say({ key: "nothingRecorded", values: { why: { key: `database.${problem.kind}` } } }) };
  const { db, sqlite } = writableDatabase();
  sqlite
    .transaction(() =>
      db.insert(agentDeskReviews).values({ agentName: agent, note: parsed.data, actor, efficiencyScore }).run(),
    )
    .immediate();
  return { ok: true };
}
