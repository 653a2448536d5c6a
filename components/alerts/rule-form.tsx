"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { saveRuleAction, type AlertFormState } from "@/app/(dashboard)/alerts/actions";
import { RULE_KINDS, STARTING_PARAMS, STARTING_REPEAT_MINUTES, type RuleKind } from "@/lib/alerts/rule-kinds";
import type { AlertRule } from "@/lib/alerts/rules";
import { FormError, FormField, PRIMARY_BUTTON } from "./form-field";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The form's starting values for a kind (a new rule) or a rule's own (an edit), as the fields show them. */
function valuesOf(kind: RuleKind, rule?: AlertRule): Record<string, string> {
  const p = (rule?.kind === kind ? rule.params : STARTING_PARAMS[kind]) as Record<string, unknown>;
  const percent = (v: unknown) => (typeof v === "number" ? String(Math.round(v * 1000) / 10) : "");
  return {
    kind,
    name: rule?.name ?? "",
    repeat_minutes: String(rule?.repeatMinutes ?? STARTING_REPEAT_MINUTES),
    period: String(p.period ?? "day"),
    share_percent: percent(p.share),
    factor: String(p.factor ?? ""),
    min_usd: String(p.minUsd ?? ""),
    rate_percent: percent(p.rate),
    min_calls: String(p.minCalls ?? ""),
    minutes: String(p.minutes ?? ""),
    days: Array.isArray(p.days) ? p.days.join(",") : "",
    start: String(p.start ?? ""),
    end: String(p.end ?? ""),
    zone: String(p.zone ?? ""),
    min_free_percent: String(p.minFreePercent ?? ""),
  };
}

/**
 * Adds a rule, or edits one: the kind first, then only the thresholds that kind has, each with its error beside it.
 * Values typed stay after a refusal.
 */
export function RuleForm({ rule }: { rule?: AlertRule }) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState<AlertFormState, FormData>(saveRuleAction, {
    outcome: null,
    values: {},
  });
  // The kind decides which fields show. React resets a form after its action, and a select resets to the option it
  // was first rendered with: so the select is rendered anew (keyed) with each kind, which it then resets to.
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? "spend");
  const errors = state.outcome && !state.outcome.ok ? (state.outcome.fieldErrors ?? {}) : {};
  const values = state.values.kind === kind ? state.values : valuesOf(kind, rule);
  const field = (name: string, label: string, type = "number", hint?: string) => (
    <FormField form="rule" name={name} label={label} error={errors[name]} hint={hint}>
      {(props) => (
        <input {...props} type={type} step="any" defaultValue={values[name]} key={`${kind}-${name}-${values[name]}`} />
      )}
    </FormField>
  );
  return (
    <form
      // Every check is the server's, said beside its field in the reader's words, never the browser's own bubble.
      noValidate
      action={action}
      id="rule-form"
      aria-label={rule ? t("ruleForm.editLabel") : t("ruleForm.addLabel")}
      className="space-y-3"
    >
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField form="rule" name="kind" label={t("ruleForm.kind")} error={errors.kind}>
          {(props) => (
            <select {...props} key={kind} defaultValue={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
              {RULE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {field("name", t("ruleForm.name"), "text", t("ruleForm.nameHint"))}
        {kind === "spend" ? (
          <>
            <FormField form="rule" name="period" label={t("ruleForm.period")} error={errors.period}>
              {(props) => (
                <select {...props} defaultValue={values.period} key={`period-${values.period}`}>
                  <option value="day">{t("ruleForm.today")}</option>
                  <option value="week">{t("ruleForm.thisWeek")}</option>
                </select>
              )}
            </FormField>
            {field("share_percent", t("ruleForm.sharePercent"), "number", t("ruleForm.shareHint"))}
          </>
        ) : null}
        {kind === "cost_spike" ? (
          <>
            {field("factor", t("ruleForm.factor"))}
            {field("min_usd", t("ruleForm.minUsd"))}
          </>
        ) : null}
        {kind === "provider_failures" ? (
          <>
            {field("rate_percent", t("ruleForm.ratePercent"))}
            {field("min_calls", t("ruleForm.minCalls"))}
            {field("minutes", t("ruleForm.window"))}
          </>
        ) : null}
        {kind === "quiet" ? (
          <>
            {field("minutes", t("ruleForm.quietMinutes"))}
            {field("zone", t("ruleForm.zone"), "text")}
            {field("start", t("ruleForm.opens"), "time")}
            {field("end", t("ruleForm.closes"), "time")}
            <fieldset
              className="space-y-1 sm:col-span-2"
              aria-describedby={errors.days ? "rule-days-error" : undefined}
            >
              <legend className="text-sm font-medium">{t("ruleForm.days")}</legend>
              <div className="flex flex-wrap gap-3" key={`days-${values.days}`}>
                {WEEKDAYS.map((d) => (
                  <label key={d} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      name="days"
                      value={d}
                      defaultChecked={(values.days ?? "").split(",").includes(String(d))}
                    />
                    {t(`ruleForm.weekday.${d}`)}
                  </label>
                ))}
              </div>
              {errors.days ? (
                <p id="rule-days-error" className="text-xs text-rose-700 dark:text-rose-400">
                  {errors.days}
                </p>
              ) : null}
            </fieldset>
          </>
        ) : null}
        {kind === "database" ? field("min_free_percent", t("ruleForm.minFreePercent")) : null}
        {field("repeat_minutes", t("ruleForm.repeatMinutes"), "number", t("ruleForm.repeatHint"))}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t(`ruleForm.about.${kind}`)}</p>
      <FormError error={state.outcome && !state.outcome.ok ? state.outcome.error : undefined} />
      {state.outcome?.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {t("ruleForm.saved")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {rule ? t("ruleForm.save") : t("ruleForm.add")}
      </button>
    </form>
  );
}
