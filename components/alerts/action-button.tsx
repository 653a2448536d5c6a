"use client";

import { useActionState } from "react";
import type { AlertFormState } from "@/app/(dashboard)/alerts/actions";
import { BUTTON } from "./form-field";

/** One button posting one action (delete, switch off, end a silence) with its hidden fields, and its refusal. */
export function ActionButton({
  action,
  fields,
  label,
  name,
}: {
  action: (state: AlertFormState, form: FormData) => Promise<AlertFormState>;
  fields: Record<string, string | number>;
  label: string;
  /** The accessible name, when the label alone is ambiguous in a table ("Remove" → "Remove Ops Slack"). */
  name?: string;
}) {
  const [state, run, pending] = useActionState(action, { outcome: null, values: {} });
  const error = state.outcome && !state.outcome.ok ? state.outcome.error : undefined;
  return (
    <form action={run} className="inline">
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button type="submit" disabled={pending} className={BUTTON} aria-label={name}>
        {label}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-rose-700 dark:text-rose-400">
          {error}
        </span>
      ) : null}
    </form>
  );
}
