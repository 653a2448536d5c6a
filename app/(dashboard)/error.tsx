"use client";

import { CountingMessage } from "@/components/ui/counting-message";
import { usePageErrorWords } from "@/components/ui/page-error-words";
import { COUNTING_DIGEST } from "@/lib/counting-in-progress";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = usePageErrorWords();
  if (error.digest === COUNTING_DIGEST) return <CountingMessage reset={reset}>{words.counting}</CountingMessage>;
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-rose-50 p-6 dark:border-rose-900 dark:bg-rose-950/40"
    >
      <h1 className="text-lg font-semibold">{words.title}</h1>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        {words.body}
        {error.digest ? (
          <span className="mt-1 block font-mono text-xs">{words.reference.replace("{digest}", error.digest)}</span>
        ) : null}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        {words.retry}
      </button>
    </div>
  );
}
