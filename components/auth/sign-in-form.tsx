"use client";

import { useActionState } from "react";
import { signIn, type SignInState } from "@/app/login/actions";

export type SignInWords = { password: string; submit: string; submitting: string };

/** The password form; its words come from the login page (the server), so the browser formats none. */
export function SignInForm({ next, words }: { next: string; words: SignInWords }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, { error: null });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium">
          {words.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "password-error" : undefined}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        {state.error ? (
          <p id="password-error" role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {state.error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-emerald-700 px-3 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
      >
        {pending ? words.submitting : words.submit}
      </button>
    </form>
  );
}
