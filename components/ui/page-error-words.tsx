"use client";

import { createContext, use, type ReactNode } from "react";

/** `reference` is the catalogue's message as written, with `{digest}` to fill in. */
export type PageErrorWords = { title: string; body: string; retry: string; reference: string; counting: ReactNode };

const Words = createContext<PageErrorWords | null>(null);

/**
 * What a page's error boundary (app/(dashboard)/error.tsx) says, handed down by the layout from the server: Next
 * gives the boundary no props of its own, and it should not need a message formatter in the browser to say it.
 */
export function PageErrorWordsProvider({ words, children }: { words: PageErrorWords; children: ReactNode }) {
  return <Words value={words}>{children}</Words>;
}

export function usePageErrorWords(): PageErrorWords {
  const words = use(Words);
  if (!words) throw new Error("usePageErrorWords outside PageErrorWordsProvider (app/(dashboard)/layout.tsx)");
  return words;
}
