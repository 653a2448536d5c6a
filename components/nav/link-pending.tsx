"use client";

import { useLinkStatus } from "next/link";

/**
 * A pulsing dot beside a menu link while the page it leads to is on its way (pages have no loading skeleton, see
 * docs/architecture.md "A page"): the click is seen at once, and `label` (the server's words) is announced.
 */
export function LinkPending({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return pending ? (
    <>
      <span aria-hidden className="ml-2 inline-block size-1.5 animate-pulse rounded-full bg-current align-middle" />
      <span role="status" className="sr-only">
        {label}
      </span>
    </>
  ) : null;
}
