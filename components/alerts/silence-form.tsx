"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addSilenceAction, type AlertFormState } from "@/app/(dashboard)/alerts/actions";
import { FormError, FormField, PRIMARY_BUTTON } from "./form-field";

/** Silences a rule, or one instance of it, for some hours with a reason. Opens on a firing alert's rule and instance. */
export function SilenceForm({
  rules,
  ruleId,
  instance,
}: {
  rules: { id: number; title: string }[];
  ruleId?: number;
  instance?: string;
}) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState<AlertFormState, FormData>(addSilenceAction, {
    outcome: null,
    values: {},
  });
  const errors = state.outcome && !state.outcome.ok ? (state.outcome.fieldErrors ?? {}) : {};
  const values = state.values;
  return (
    <form action={action} noValidate id="silence-form" aria-label={t("silenceForm.label")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField form="silence" name="rule_id" label={t("silenceForm.rule")} error={errors.rule_id}>
          {(props) => (
            <select {...props} defaultValue={values.rule_id ?? ruleId} key={`rule-${values.rule_id ?? ruleId}`}>
              {rules.map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {rule.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          form="silence"
          name="instance"
          label={t("silenceForm.instance")}
          error={errors.instance}
          hint={t("silenceForm.instanceHint")}
        >
          {(props) => <input {...props} defaultValue={values.instance ?? instance ?? ""} key={`i-${instance}`} />}
        </FormField>
        <FormField form="silence" name="hours" label={t("silenceForm.hours")} error={errors.hours}>
          {(props) => <input {...props} type="number" step="any" min="0" defaultValue={values.hours ?? "2"} />}
        </FormField>
        <FormField form="silence" name="reason" label={t("silenceForm.reason")} error={errors.reason}>
          {(props) => <input {...props} defaultValue={values.reason ?? ""} placeholder={t("silenceForm.reasonHint")} />}
        </FormField>
      </div>
      <FormError error={state.outcome && !state.outcome.ok ? state.outcome.error : undefined} />
      {state.outcome?.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {t("silenceForm.saved")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {t("silenceForm.submit")}
      </button>
    </form>
  );
}
