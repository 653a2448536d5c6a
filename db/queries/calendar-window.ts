import { calendarDate } from "@/lib/event-time";

/** The first of the N calendar days ending today in `zone`, as `YYYY-MM-DD` (date columns compare as text). */
export function firstCalendarDay(days: number, zone: string, now = Date.now()): string {
  const today = calendarDate(now, zone);
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - (days - 1));
  return first.toISOString().slice(0, 10);
}
