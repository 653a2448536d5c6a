"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { markReviewed } from "@/db/commands/reviews";
import { sayWith } from "@/lib/say";
import { currentOperator } from "@/lib/server/operator";

export type ReviewState = { error: string | null; done: boolean };

export async function markReviewedAction(_previous: ReviewState, form: FormData): Promise<ReviewState> {
  const t = await getTranslations("review");
  const say = sayWith((key, values) => t(`says.${key}`, values)); // the answers in the reader's language
  const operator = await currentOperator();
  if (!operator.ok) return { error: say(operator.error), done: false };
  const score = Number(form.get("efficiency_score"));
  const outcome = markReviewed(
    String(form.get("agent") ?? ""),
    form.get("note"),
    Number.isFinite(score) ? score : null,
    operator.name,
    say,
  );
  if (!outcome.ok) return { error: outcome.error, done: false };
  revalidatePath("/review");
  return { error: null, done: true };
}
