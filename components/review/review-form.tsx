"use client";

import { useActionState } from "react";
import { markReviewedAction, type ReviewState } from "@/app/(dashboard)/review/actions";

export type ReviewWords = { label: string; note: string; placeholder: string; pending: string; submit: string };

/** `Mark reviewed` with a note, for one flagged agent; its words come from the page (the server). */
export function ReviewForm({
  agent,
  efficiencyScore,
  words,
}: {
  agent: string;
  efficiencyScore: number;
  words: ReviewWords;
}) {
  const [state, action, pending] = useActionState<ReviewState, FormData>(markReviewedAction, {
    error: null,
    done: false,
  });
  const id = `note-${agent}`;
  return (
    <form action={action} className="space-y-2" aria-label={words.label}>
      <input type="hidden" name="agent" value={agent} />
      <input type="hidden" name="efficiency_score" value={efficiencyScore} />
      <label htmlFor={id} className="block text-xs font-medium">
        {words.note}
      </label>
      <textarea
        id={id}
        name="note"
        rows={2}
        maxLength={2000}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? `${id}-error` : undefined}
        placeholder={words.placeholder}
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      {state.error ? (
        <p id={`${id}-error`} className="text-xs text-rose-700 dark:text-rose-400">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {pending ? words.pending : words.submit}
      </button>
    </form>
  );
}
