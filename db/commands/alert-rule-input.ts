import { optionalFormText } from "@/lib/form-text";
import { RULE_KINDS, type RuleKind } from "@/lib/alerts/rule-kinds";
import { RULE_PARAMS, type RuleParams } from "@/lib/alerts/rules";
import type { Said, Say } from "@/lib/say";
import { isTimeZone } from "@/lib/time-zone";

// The rule form, field by field: what an operator typed (percentages as they read them) turned into a rule's stored
// settings, or each wrong field with why, in `say`'s words (`says.rule.*` in the alerts catalogue).

export const RULE_FIELDS = [
  "kind",
  "name",
  "repeat_minutes",
  "period",
  "share_percent",
  "factor",
  "min_usd",
  "rate_percent",
  "min_calls",
  "minutes",
  "days",
  "start",
  "end",
  "zone",
  "min_free_percent",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleFieldErrors = Partial<Record<RuleField, string>>;

export type RuleInput = { kind: RuleKind; name: string | null; repeatMinutes: number; params: RuleParams };

type Form = { get(name: string): unknown; getAll(name: string): unknown[] };

/** The rule form read and checked; the rule to write, or the errors of its fields. */
export function readRuleForm(
  form: Form,
  say: Say,
): { ok: true; rule: RuleInput } | { ok: false; errors: RuleFieldErrors } {
  const errors: RuleFieldErrors = {};
  const wrong = (field: RuleField, said: Said) => void (errors[field] ??= say(said));
  const text = (field: RuleField) => String(form.get(field) ?? "").trim();
  const number = (field: RuleField, min: number, max: number, whole = false): number => {
    const typed = text(field);
    const value = Number(typed);
    if (typed === "" || !Number.isFinite(value) || (whole && !Number.isInteger(value)))
      wrong(field, { key: whole ? "rule.wholeNumber" : "rule.number", values: { min, max } });
    else if (value < min || value > max) wrong(field, { key: "rule.range", values: { min, max } });
    return value;
  };

  const kind = text("kind") as RuleKind;
  if (!RULE_KINDS.includes(kind)) return { ok: false, errors: { kind: say({ key: "rule.kind" }) } };
  const name = optionalFormText({ label: { key: "field.ruleName" }, max: 80, lines: "one" }, say).safeParse(
    form.get("name") ?? undefined,
  );
  if (!name.success) errors.name = name.error.issues[0]!.message;
  const repeatMinutes = number("repeat_minutes", 1, 10_080, true);

  const params = ((): Record<string, unknown> => {
    switch (kind) {
      case "spend": {
        const period = text("period");
        if (period !== "day" && period !== "week") wrong("period", { key: "rule.period" });
        // Blank: the agent config's cost_alert_threshold, read at each evaluation.
        const share = text("share_percent") === "" ? null : number("share_percent", 1, 1000) / 100;
        return { period, share };
      }
      case "cost_spike":
        return { factor: number("factor", 1.1, 100), minUsd: number("min_usd", 0, 1_000_000) };
      case "provider_failures":
        return {
          rate: number("rate_percent", 1, 100) / 100,
          minCalls: number("min_calls", 1, 1_000_000, true),
          minutes: number("minutes", 1, 1440, true),
        };
      case "quiet": {
        const days = [...new Set(form.getAll("days").map(Number))].sort();
        if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
          wrong("days", { key: "rule.days" });
        for (const field of ["start", "end"] as const)
          if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(text(field))) wrong(field, { key: "rule.timeOfDay" });
        if (!errors.start && !errors.end && text("start") >= text("end")) wrong("end", { key: "rule.endAfterStart" });
        if (!isTimeZone(text("zone"))) wrong("zone", { key: "rule.zone", values: { zone: text("zone") } });
        return {
          minutes: number("minutes", 1, 1440, true),
          days,
          start: text("start"),
          end: text("end"),
          zone: text("zone"),
        };
      }
      case "database":
        return { minFreePercent: number("min_free_percent", 0.1, 50) };
      default:
        return {};
    }
  })();
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The form's checks are the stored schema's, said field by field; this only confirms they agree.
  const parsed = RULE_PARAMS[kind].safeParse(params);
  if (!parsed.success) return { ok: false, errors: { kind: say({ key: "rule.kind" }) } };
  return { ok: true, rule: { kind, name: name.success ? name.data : null, repeatMinutes, params: parsed.data } };
}
