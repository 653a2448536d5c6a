"use client";

import { useActionState, useState } from "react";
import { recordSwapAction, type SwapFormState } from "@/app/(dashboard)/evolution/actions";
import type { FieldErrors } from "@/db/commands/swap-input";

export type SwapFormAgent = { name: string; provider: string | null; model: string | null };

const INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-rose-600 dark:border-zinc-700 dark:bg-zinc-950";

/**
 * The manual swap form (its labels are part of Agent Desk's outside contract: scripts and tests find fields by them);
 * errors appear beside their fields, typed values stay.
 */
export function SwapForm({
  agents,
  providers,
  models,
  requestId,
  agent,
}: {
  agents: SwapFormAgent[];
  providers: readonly string[];
  models: string[];
  requestId: string;
  agent?: string;
}) {
  const [state, action, pending] = useActionState<SwapFormState, FormData>(recordSwapAction, {
    outcome: null,
    values: {},
  });
  const values = state.values;
  const errors: FieldErrors = state.outcome && !state.outcome.ok ? (state.outcome.fieldErrors ?? {}) : {};
  const [chosen, setChosen] = useState(values.agent ?? agent ?? "");
  const current = agents.find((a) => a.name === (values.agent ?? chosen));

  const field = (
    id: keyof FieldErrors,
    name: string,
    label: string,
    control: (props: Record<string, unknown>) => React.ReactNode,
    hint?: string,
  ) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {control({
        id: name,
        name,
        "aria-invalid": errors[id] ? true : undefined,
        "aria-describedby":
          [errors[id] ? `${name}-error` : "", hint ? `${name}-hint` : ""].join(" ").trim() || undefined,
        className: INPUT,
      })}
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {errors[id] ? (
        <p id={`${name}-error`} className="text-sm text-rose-700 dark:text-rose-400">
          {errors[id]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form
      action={action}
      onReset={() => setChosen(agent ?? "")}
      noValidate
      className="grid gap-4 md:grid-cols-2"
      aria-label="Manual swap"
    >
      <input type="hidden" name="request_id" value={requestId} />
      {field(
        "agent",
        "agent",
        "Agent",
        (p) => (
          <select
            {...p}
            defaultValue={values.agent ?? agent ?? ""}
            key={`agent-${values.agent ?? agent}`}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">Choose an agent…</option>
            {agents.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        ),
        current?.provider
          ? `Runs ${current.provider} ${current.model} now; the old model is taken from there.`
          : undefined,
      )}
      {field("provider", "new_provider", "New provider", (p) => (
        <select {...p} defaultValue={values.new_provider ?? ""} key={`provider-${values.new_provider}`}>
          <option value="">Choose a provider…</option>
          {providers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ))}
      {field(
        "model",
        "new_model",
        "New model",
        (p) => (
          <>
            <input
              {...p}
              type="text"
              list="known-models"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.new_model ?? ""}
              placeholder="sonnet-4"
            />
            <datalist id="known-models">
              {models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        ),
        "Stored exactly as written, as the trading system's config names it.",
      )}
      {field(
        "expectedImprovement",
        "expected_improvement",
        "Expected improvement",
        (p) => (
          <input
            {...p}
            type="number"
            step="0.01"
            inputMode="decimal"
            defaultValue={values.expected_improvement ?? "0.1"}
          />
        ),
        "A fraction from -1 to 1: 0.1 = 10 % better.",
      )}
      <div className="md:col-span-2">
        {field("reason", "reason", "Reason", (p) => (
          <textarea
            {...p}
            rows={3}
            defaultValue={values.reason ?? ""}
            placeholder="Why this model, and what you expect it to fix"
          />
        ))}
      </div>
      {field(
        "validationDays",
        "validation_period_days",
        "Validation period (days)",
        (p) => (
          <input
            {...p}
            type="number"
            step="1"
            inputMode="numeric"
            defaultValue={values.validation_period_days ?? "7"}
          />
        ),
        "1 to 90 days, compared with the same span before the swap.",
      )}
      {field(
        "rollbackThreshold",
        "rollback_threshold",
        "Rollback threshold",
        (p) => (
          <input
            {...p}
            type="number"
            step="0.01"
            inputMode="decimal"
            defaultValue={values.rollback_threshold ?? "-0.1"}
          />
        ),
        "A fraction: -0.1 = roll back when the agent gets more than 10 % worse.",
      )}
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {pending ? "Recording…" : "Record swap"}
        </button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

function Outcome({ state }: { state: SwapFormState }) {
  const outcome = state.outcome;
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
        {outcome.error}
      </p>
    );
  }
  return (
    <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
      Recorded swap #{outcome.id}: {outcome.agent} {outcome.from} → {outcome.to}.{" "}
      {outcome.configWritten
        ? "The agent config now names the new model."
        : `Config not changed: ${outcome.configNote}.`}
    </p>
  );
}
