"use client";

import { Component, type ReactNode } from "react";
import { COUNTING_DIGEST } from "@/lib/counting-in-progress";
import { CountingMessage } from "./counting-message";

/** `reference` is the catalogue's message as written, with `{digest}` to fill in. */
type Words = { failed: string; reference: string; counting: ReactNode };

/**
 * Keeps the rest of a page when one of its sections fails to load: the section says so in its place (with the
 * server's error reference, never its message or a path) and the other sections render as usual. Its words come
 * from the server (SectionBoundary), so nothing here formats a message in the browser.
 */
export class SectionErrorBoundary extends Component<
  { words: Words; children: ReactNode },
  { digest: string | null | undefined }
> {
  state = { digest: undefined as string | null | undefined };

  static getDerivedStateFromError(error: Error & { digest?: string }) {
    return { digest: error.digest ?? null };
  }

  render() {
    const { words, children } = this.props;
    const { digest } = this.state;
    if (digest === undefined) return children;
    if (digest === COUNTING_DIGEST)
      return <CountingMessage reset={() => this.setState({ digest: undefined })}>{words.counting}</CountingMessage>;
    return (
      <div
        role="alert"
        className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm dark:border-rose-900 dark:bg-rose-950/40"
      >
        <p className="font-medium">{words.failed}</p>
        {digest ? <p className="mt-1 font-mono text-xs">{words.reference.replace("{digest}", digest)}</p> : null}
      </div>
    );
  }
}
