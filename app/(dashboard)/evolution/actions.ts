"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { recordSwap, rollbackSwap, type SwapOutcome } from "@/db/commands/model-swaps";
import { readSwapForm, SWAP_FIELDS } from "@/db/commands/swap-input";
import { sayWith } from "@/lib/say";
import { currentOperator } from "@/lib/server/operator";

export type SwapFormState = { outcome: SwapOutcome | null; values: Partial<Record<string, string>> };

/** The commands' answers in the reader's language. */
async function readersWords() {
  const t = await getTranslations("evolution");
  return sayWith((key, values) => t(`says.${key}`, values));
}

/** The manual swap form: checks the operator, records the swap, and hands back what was typed when it failed. */
export async function recordSwapAction(_previous: SwapFormState, form: FormData): Promise<SwapFormState> {
  const values = Object.fromEntries(
    Object.values(SWAP_FIELDS).map((name) => [name, String(form.get(name) ?? "").slice(0, 5000)]),
  );
  const say = await readersWords();
  const operator = await currentOperator();
  if (!operator.ok) return { outcome: { ok: false, error: say(operator.error) }, values };
  const outcome = recordSwap(readSwapForm(form), { name: operator.name, trigger: "manual" }, say);
  if (outcome.ok) revalidatePath("/", "layout");
  return { outcome, values: outcome.ok ? {} : values };
}

export type RollbackState = { outcome: SwapOutcome | null };

/** `Confirm rollback`: checks the operator, then rolls back the swap whose id the button carries. */
export async function rollbackAction(_previous: RollbackState, form: FormData): Promise<RollbackState> {
  const say = await readersWords();
  const operator = await currentOperator();
  if (!operator.ok) return { outcome: { ok: false, error: say(operator.error) } };
  const id = Number(form.get("swap_id"));
  if (!Number.isSafeInteger(id) || id < 1)
    return { outcome: { ok: false, error: say({ key: "rollback.noSwapGiven" }) } };
  const note = form.get("note");
  const requestId = form.get("request_id");
  const outcome = rollbackSwap(
    id,
    { name: operator.name, trigger: "manual" },
    { note: note ?? undefined, requestId: typeof requestId === "string" ? requestId : undefined },
    say,
  );
  if (outcome.ok) revalidatePath("/", "layout");
  return { outcome };
}
