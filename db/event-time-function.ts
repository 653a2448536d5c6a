import type Database from "better-sqlite3";
import { parseEventTime } from "@/lib/event-time";

/**
 * Registers `event_ms(timestamp)`: an event time as epoch milliseconds, naive times read in `zone`, NULL for text
 * that is not a time. Queries call it only on the few rows near a window's edge (see db/queries/event-window.ts).
 */
export function registerEventTimeFunction(db: Database.Database, zone: string): void {
  db.function("event_ms", { deterministic: true }, (text: unknown) =>
    typeof text === "string" ? parseEventTime(text, zone) : null,
  );
}
