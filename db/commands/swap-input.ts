import { z } from "zod";
import { PROVIDERS } from "@/db/schema/enums";
import { formText, REQUEST_ID } from "@/lib/form-text";
import { MODEL_NAME } from "@/lib/model-names";
import type { Said, Say } from "@/lib/say";

// What an operator may send to record a swap, checked field by field; the messages are shown beside the fields, in
// the words `say` gives them (the reader's language in the form). Anything else in the form (an id, triggered_by, an
// old model) is ignored: the server decides those itself.

const label = (field: string): Said => ({ key: `field.${field}` });

function swapInputSchema(say: Say) {
  const fraction = (field: string) => {
    const notNumber = say({ key: "fraction.notNumber", values: { label: label(field) } });
    return z.coerce
      .number({ error: notNumber })
      .refine(Number.isFinite, notNumber)
      .min(-1, say({ key: "fraction.belowRange", values: { label: label(field) } }))
      .max(1, say({ key: "fraction.aboveRange", values: { label: label(field) } }));
  };
  const wholeDays = say({ key: "swap.wholeDays" });
  const daysRange = say({ key: "swap.daysRange" });
  return z.object({
    agent: formText({ label: label("agent"), max: 100, lines: "one" }, say, { key: "swap.chooseAgent" }), // a select; checked as text, as "There is no agent '…'" repeats it
    provider: z.enum(PROVIDERS, {
      error: say({ key: "swap.providerOneOf", values: { providers: PROVIDERS.join(", ") } }),
    }),
    model: formText({ label: label("model"), max: 100, lines: "one" }, say).refine(
      (s) => MODEL_NAME.test(s),
      say({ key: "swap.modelName" }), // MODEL_NAME in words
    ),
    reason: formText({ label: label("reason"), max: 2000, lines: "many" }, say), // a textarea: its line breaks are kept, and the timeline folds them into spaces
    expectedImprovement: fraction("expectedImprovement"),
    validationDays: z.coerce.number({ error: wholeDays }).int(wholeDays).min(1, daysRange).max(90, daysRange),
    rollbackThreshold: fraction("rollbackThreshold"),
    requestId: z.string().regex(REQUEST_ID, say({ key: "swap.formOutOfDate" })),
  });
}

export type SwapInput = z.infer<ReturnType<typeof swapInputSchema>>;

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
  say: Say,
): { ok: true; input: SwapInput } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = swapInputSchema(say).safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof SwapInput;
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}
