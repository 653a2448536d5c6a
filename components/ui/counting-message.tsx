"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, type ReactNode } from "react";

// Looks again this often while the file's counting has not reached the period on screen.
const RETRY_MS = 3000;

/**
 * In place of a section or a page whose period a file just adopted has not been counted for yet (it is counted
 * newest first, so this lasts seconds): says so plainly (`children`, CountingWords from the server) and tries again
 * by itself until the figures are there.
 */
export function CountingMessage({ children, reset }: { children: ReactNode; reset: () => void }) {
  const router = useRouter();
  useEffect(() => {
    // The server renders the section again (refresh) and the boundary lets it show (reset), in one transition.
    const timer = setTimeout(
      () =>
        startTransition(() => {
          router.refresh();
          reset();
        }),
      RETRY_MS,
    );
    return () => clearTimeout(timer);
  }, [router, reset]);
  return (
    <div
      role="status"
      className="rounded-lg border border-zinc-300 bg-zinc-50 p-4 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
    >
      {children}
    </div>
  );
}
