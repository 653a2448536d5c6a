"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { recordSwapAction, type SwapFormState } from "@/app/(dashboard)/evolution/actions";
import type { FieldErrors } from "@/db/commands/swap-input";
import type { SwapCostBasis, SwapPrices } from "@/lib/swap-cost";
import { SwapCostPanel } from "./swap-cost-panel";

export type SwapFormAgent = { name: string; provider: string | null; model: string | null };
/** What the operator chose in the agent and model fields since the form's last answer. */
type Picked = { agent?: string; model?: string };

const INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-rose-600 dark:border-zinc-700 dark:bg-zinc-950";

/**
 * The manual swap form (its English labels are part of Agent Desk's outside contract: scripts and tests find fields
 * by them);
 * errors appear beside their fields, typed values stay.
 */
export function SwapForm({
  agents,
  providers,
  models,
  requestId,
  agent,
  model,
  costBasis,
  prices,
}: {
  agents: SwapFormAgent[];
  providers: readonly string[];
  models: string[];
  requestId: string;
  agent?: string;
  /** The model the form opens on (a model history's link), checked like any typed one when sent. */
  model?: string;
  /** What the cost panel under the model field projects from (db/queries/swap-cost-basis.ts), and at what prices. */
  costBasis: SwapCostBasis | null;
  prices: SwapPrices;
}) {
  const t = useTranslations("evolution");
  const [state, action, pending] = useActionState<SwapFormState, FormData>(recordSwapAction, {
    outcome: null,
    values: {},
  });
  const values = state.values;
  const errors: FieldErrors = state.outcome && !state.outcome.ok ? (state.outcome.fieldErrors ?? {}) : {};
  const [chosen, setChosen] = useState(values.agent ?? agent ?? "");
  const current = agents.find((a) => a.name === (values.agent ?? chosen));
  // The agent and model picked since the form's last answer: the cost panel follows them. An answer (a new state)
  // puts back the values it carries, as the form's own reset does (none after a recorded swap).
  const [edits, setEdits] = useState<Picked & { after: SwapFormState }>({ after: state });
  const picked: Picked = edits.after === state ? edits : {};
  const edit = (change: Picked) => setEdits({ ...picked, ...change, after: state });

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
      aria-label={t("form.name")}
    >
      <input type="hidden" name="request_id" value={requestId} />
      {field(
        "agent",
        "agent",
        t("form.agent"),
        (p) => (
          <select
            {...p}
            defaultValue={values.agent ?? agent ?? ""}
            key={`agent-${values.agent ?? agent}`}
            onChange={(e) => {
              setChosen(e.target.value);
              edit({ agent: e.target.value });
            }}
          >
            <option value="">{t("form.chooseAgent")}</option>
            {agents.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        ),
        current?.provider ? t("form.runsNow", { provider: current.provider, model: String(current.model) }) : undefined,
      )}
      {field("provider", "new_provider", t("form.provider"), (p) => (
        <select {...p} defaultValue={values.new_provider ?? ""} key={`provider-${values.new_provider}`}>
          <option value="">{t("form.chooseProvider")}</option>
          {providers.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      ))}
      <div className="space-y-2">
        {field(
          "model",
          "new_model",
          t("form.model"),
          (p) => (
            <>
              <input
                {...p}
                type="text"
                list="known-models"
                autoComplete="off"
                spellCheck={false}
                defaultValue={values.new_model ?? model ?? ""}
                placeholder={t("form.modelPlaceholder")}
                onChange={(e) => edit({ model: e.target.value })}
              />
              <datalist id="known-models">
                {models.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </>
          ),
          t("form.modelHint"),
        )}
        <SwapCostPanel
          basis={costBasis}
          prices={prices}
          agent={picked.agent ?? values.agent ?? agent ?? ""}
          model={picked.model ?? values.new_model ?? model ?? ""}
        />
      </div>
      {field(
        "expectedImprovement",
        "expected_improvement",
        t("form.expectedImprovement"),
        (p) => (
          <input
            {...p}
            type="number"
            step="0.01"
            inputMode="decimal"
            defaultValue={values.expected_improvement ?? "0.1"}
          />
        ),
        t("form.expectedImprovementHint"),
      )}
      <div className="md:col-span-2">
        {field("reason", "reason", t("form.reason"), (p) => (
          <textarea {...p} rows={3} defaultValue={values.reason ?? ""} placeholder={t("form.reasonPlaceholder")} />
        ))}
      </div>
      {field(
        "validationDays",
        "validation_period_days",
        t("form.validationDays"),
        (p) => (
          <input
            {...p}
            type="number"
            step="1"
            inputMode="numeric"
            defaultValue={values.validation_period_days ?? "7"}
          />
        ),
        t("form.validationDaysHint"),
      )}
      {field(
        "rollbackThreshold",
        "rollback_threshold",
        t("form.rollbackThreshold"),
        (p) => (
          <input
            {...p}
            type="number"
            step="0.01"
            inputMode="decimal"
            defaultValue={values.rollback_threshold ?? "-0.1"}
          />
        ),
        t("form.rollbackThresholdHint"),
      )}
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {pending ? t("form.pending") : t("form.submit")}
        </button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

function Outcome({ state }: { state: SwapFormState }) {
  const t = useTranslations("evolution");
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
      {t("form.recorded", { id: outcome.id, agent: outcome.agent, from: outcome.from, to: outcome.to })}{" "}
      {outcome.configWritten ? t("form.configWritten") : t("form.configNotChanged", { note: outcome.configNote ?? "" })}
    </p>
  );
}
