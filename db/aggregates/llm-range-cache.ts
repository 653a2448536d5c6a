import type Database from "better-sqlite3";
import { minuteKeySql } from "./llm-keys";

/** A range of keys: minute ('2026-01-05T09:15'), hour ('2026-01-05T09', 'U2026-01-05T00') or day ('2026-01-05'). */
export type KeyRange = [string, string];

type Entry = { ranges: KeyRange[]; value: unknown };

// Periods move on every hour, so older entries stop being asked for; the oldest go first past this many.
const MAX_ENTRIES = 500;
// Past this many newly counted calls (a recount finished by another process) dropping everything is cheaper.
const MAX_NEWLY_COUNTED = 100_000;

/**
 * Reads of the LLM aggregates over closed ranges of hours or days, kept per server process. A period's whole hours
 * and days change only when a call counted into the aggregates lands in them, and calls are counted in id order
 * (AUTOINCREMENT; corrected calls counted again, or a recount of the whole log, add one to agent_desk_backfill.resets
 * and every kept read goes): so before each read the calls counted since the last one are looked up (a handful), and
 * every kept read whose ranges hold one of their hours is dropped. Long periods then cost one merge instead of reading
 * a year of aggregate rows.
 */
export class LlmRangeCache {
  private counted = 0;
  private resets: number | undefined;
  private readonly entries = new Map<string, Entry>();

  /** Drops what newly counted calls (or a reset of the aggregates) made stale; call before reading. */
  sync(db: Database.Database): void {
    const { next_id: counted, resets } = (db
      .prepare("SELECT next_id, resets FROM agent_desk_backfill WHERE name = 'llm_usage_log'")
      .get() as { next_id: number; resets: number } | undefined) ?? { next_id: 0, resets: -1 };
    if (resets !== this.resets || counted < this.counted || counted - this.counted > MAX_NEWLY_COUNTED) {
      this.entries.clear();
      [this.resets, this.counted] = [resets, counted];
      return;
    }
    if (counted === this.counted) return;
    const minutes = db
      .prepare(`SELECT DISTINCT ${minuteKeySql("timestamp")} FROM llm_usage_log WHERE id >= ? AND id < ?`)
      .pluck()
      .all(this.counted, counted) as string[];
    this.counted = counted;
    for (const [name, entry] of this.entries) {
      if (minutes.some((minute) => entry.ranges.some(([lo, hi]) => holds(lo, hi, minute)))) this.entries.delete(name);
    }
  }

  /** The kept value of `name`, or `read()` kept until a call lands in one of `ranges`. */
  read<T>(name: string, ranges: KeyRange[], read: () => T): T {
    const kept = this.entries.get(name);
    if (kept) return kept.value as T;
    const value = read();
    this.entries.set(name, { ranges, value });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/** A minute key falls in a range of minute keys, or (cut to an hour or day key) of those; naive and 'U' never mix. */
function holds(lo: string, hi: string, minute: string): boolean {
  const key = minute.slice(0, lo.length);
  return key >= lo && key < hi;
}
