import { z } from "zod";
import { PROVIDERS } from "@/db/schema/enums";
import { formText, REQUEST_ID } from "@/lib/form-text";
import { MODEL_NAME, MODEL_NAME_RULE } from "@/lib/model-names";

// What an operator may send to record a swap, checked field by field; the messages are shown beside the fields.
// Anything else in the form (an id, triggered_by, an old model) is ignored: the server decides those itself.

const fraction = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .refine(Number.isFinite, `${label} must be a number`)
    .min(-1, `${label} is a fraction from -1 to 1 (-0.1 = 10 % worse)`)
    .max(1, `${label} is a fraction from -1 to 1 (0.15 = 15 % better)`);

export const swapInputSchema = z.object({
  agent: formText({ label: "Agent", max: 100, lines: "one" }, "Choose an agent"), // a select; checked as text, as "There is no agent '…'" repeats it
  provider: z.enum(PROVIDERS, { error: `New provider must be one of ${PROVIDERS.join(", ")}` }),
  model: formText({ label: "New model", max: 100, lines: "one" }).refine(
    (s) => MODEL_NAME.test(s),
    `New model is a model name such as claude-opus-4-1-20250805: ${MODEL_NAME_RULE}`,
  ),
  reason: formText({ label: "Reason", max: 2000, lines: "many" }), // a textarea: its line breaks are kept, and the timeline folds them into spaces
  expectedImprovement: fraction("Expected improvement"),
  validationDays: z.coerce
    .number({ error: "Validation period must be a whole number of days" })
    .int("Validation period must be a whole number of days")
    .min(1, "Validation period is 1 to 90 days")
    .max(90, "Validation period is 1 to 90 days"),
  rollbackThreshold: fraction("Rollback threshold"),
  requestId: z.string().regex(REQUEST_ID, "The form is out of date: reload the page"),
});

export type SwapInput = z.infer<typeof swapInputSchema>;

/** The form's fields, by the names the form uses. */
export const SWAP_FIELDS = {
  agent: "agent",
  provider: "new_provider",
  model: "new_model",
  reason: "reason",
  expectedImprovement: "expected_improvement",
  validationDays: "validation_period_days",
  rollbackThreshold: "rollback_threshold",
  requestId: "request_id",
} as const satisfies Record<keyof SwapInput, string>;

export type FieldErrors = Partial<Record<keyof SwapInput, string>>;

/** The form's values as the schema reads them (the last of a repeated field, empty ones as missing). */
export function readSwapForm(form: FormData): Record<keyof SwapInput, unknown> {
  const value = (name: string) => {
    const all = form.getAll(name);
    const last = all[all.length - 1];
    return typeof last === "string" && last.trim() !== "" ? last : undefined;
  };
  return Object.fromEntries(Object.entries(SWAP_FIELDS).map(([key, name]) => [key, value(name)])) as Record<
    keyof SwapInput,
    unknown
  >;
}

export function parseSwapInput(
  values: unknown,
): { ok: true; input: SwapInput } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = swapInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof SwapInput;
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
