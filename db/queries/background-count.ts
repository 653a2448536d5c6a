import "server-only";
import { databaseFile } from "@/db";
import { countingStatus, type CountingStatus } from "@/db/background/counting-loop";
import type { RequestClock } from "@/lib/read-context";

export type BackgroundCount = CountingStatus & { behindSeconds: number | null };

// Behind by less than this, the figures are as fresh as a page load can tell: nothing worth saying on every page.
const NOTICE_AFTER_SECONDS = 10;

/**
 * What the server's background count is doing and how far behind the file it is at the request's instant; null where
 * none runs.
 */
export function getBackgroundCount(clock: RequestClock): BackgroundCount | null {
  const status = countingStatus(databaseFile(clock));
  if (!status) return null;
  return {
    ...status,
    behindSeconds: status.behindSince === null ? null : Math.round((clock.now - status.behindSince) / 1000),
  };
}

/** The background count, when it is far enough behind that the pages' figures should say so. */
export function getCountingNotice(clock: RequestClock): BackgroundCount | null {
  const count = getBackgroundCount(clock);
  return count && count.behindSeconds !== null && count.behindSeconds >= NOTICE_AFTER_SECONDS ? count : null;
}
