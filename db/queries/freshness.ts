import "server-only";
import { cache } from "react";
import { database } from "@/db";
import { parseEventTime } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";
import { getBackgroundCount } from "./background-count";

/** What a card's figures are made of: LLM calls, trades, or neither (the trading system's daily rows, settings). */
export type Covers = "calls" | "trades";

export type Freshness = {
  /** The instant every figure of the request describes. */
  readAt: number;
  /** The newest event of each kind in the file (its time as written, read in the data's zone). */
  newest: Record<Covers, number | null>;
  /** How long something has waited to be counted into the aggregates (null: nothing waits). */
  behindSeconds: number | null;
};

/**
 * How current the request's figures are: read once per request (React cache, keyed by the request's clock), two
 * index lookups for the newest call and trade. Null while the file cannot be read (the page's banner says why).
 */
export const getFreshness = cache((clock: RequestClock): Freshness | null => {
  try {
    const { sqlite } = database(clock);
    const newest = (sql: string) => {
      const text = sqlite.prepare(sql).pluck().get() as string | undefined;
      return text === undefined ? null : parseEventTime(text, clock.zone);
    };
    return {
      readAt: clock.now,
      newest: {
        calls: newest("SELECT timestamp FROM llm_usage_log ORDER BY id DESC LIMIT 1"),
        trades: newest("SELECT timestamp FROM trades ORDER BY rowid DESC LIMIT 1"),
      },
      behindSeconds: getBackgroundCount(clock)?.behindSeconds ?? null,
    };
  } catch {
    return null;
  }
});
