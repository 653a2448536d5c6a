"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { rollbackAction, type RollbackState } from "@/app/(dashboard)/evolution/actions";

/**
 * `Roll back` for one swap: first shows exactly what will change (the model, the new swap row, the config file),
 * then `Confirm rollback` sends the swap's id.
 */
export function RollbackButton({
  swapId,
  changes,
  requestId,
}: {
  swapId: number;
  changes: string[];
  requestId: string;
}) {
  const t = useTranslations("evolution");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<RollbackState, FormData>(rollbackAction, { outcome: null });
  if (state.outcome?.ok) {
    return (
      <p role="status" className="text-xs text-emerald-800 dark:text-emerald-300">
        {t("rollback.done", { id: state.outcome.id })}
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-rose-300 px-2 py-1 text-xs font-medium text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950"
      >
        {t("rollback.open")}
      </button>
    );
  }
  return (
    // A dialog over the page, so the timeline keeps its width; Escape or Cancel closes it.
    <div
      className="fixed inset-0 z-30 grid place-items-center bg-black/40 p-4"
      onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
    >
      <form
        action={action}
        role="dialog"
        aria-modal="true"
        className="w-full max-w-md space-y-3 rounded-lg border border-rose-300 bg-white p-4 text-left whitespace-normal shadow-xl dark:border-rose-900 dark:bg-zinc-900"
        aria-label={t("rollback.dialog", { id: swapId })}
      >
        <input type="hidden" name="swap_id" value={swapId} />
        <input type="hidden" name="request_id" value={requestId} />
        <p className="text-sm font-semibold">{t("rollback.will", { id: swapId })}</p>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <label className="block text-xs">
          <span className="font-medium">{t("rollback.note")}</span>
          <input
            name="note"
            maxLength={2000}
            autoFocus
            className="mt-1 w-full rounded border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        {state.outcome && !state.outcome.ok ? (
          <p role="alert" className="text-xs text-rose-800 dark:text-rose-300">
            {state.outcome.error}
          </p>
        ) : null}
        <div className="flex gap-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
          >
            {pending ? t("rollback.pending") : t("rollback.confirm")}
          </button>
          <button type="button" onClick={() => setOpen(false)} className="rounded px-3 py-1.5 text-sm underline">
            {t("rollback.cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}
