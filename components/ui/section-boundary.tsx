"use client";

import { useTranslations } from "next-intl";
import { Component, type ReactNode } from "react";
import { COUNTING_DIGEST } from "@/lib/counting-in-progress";
import { CountingMessage } from "./counting-message";

/**
 * Keeps the rest of a page when one of its sections fails to load: the section says so in its place (with the
 * server's error reference, never its message or a path) and the other sections render as usual.
 */
export class SectionBoundary extends Component<
  { title: string; children: ReactNode },
  { digest: string | null | undefined }
> {
  state = { digest: undefined as string | null | undefined };

  static getDerivedStateFromError(error: Error & { digest?: string }) {
    return { digest: error.digest ?? null };
  }

  render() {
    if (this.state.digest === undefined) return this.props.children;
    if (this.state.digest === COUNTING_DIGEST)
      return <CountingMessage what={this.props.title} reset={() => this.setState({ digest: undefined })} />;
    return <SectionFailed title={this.props.title} digest={this.state.digest} />;
  }
}

/** The failed section's place (a function, for the catalogue's hook; the boundary has to be a class). */
function SectionFailed({ title, digest }: { title: string; digest: string | null }) {
  const t = useTranslations("common");
  return (
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm dark:border-rose-900 dark:bg-rose-950/40"
    >
      <p className="font-medium">{t("sectionError", { title })}</p>
      {digest ? <p className="mt-1 font-mono text-xs">{t("reference", { digest })}</p> : null}
    </div>
  );
}
