import { calendarDate } from "@/lib/event-time";

/** The first of the N calendar days ending today in `zone`, as `YYYY-MM-DD` (date columns compare as text). */
export function firstCalendarDay(days: number, zone: string, now = Date.now()): string {
  const today = calendarDate(now, zone);
  const first = new Date(`${today}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - (days - 1));
  return first.toISOString().slice(0, 10);
}

/** Every `YYYY-MM-DD` from `first` to `last`, both included. */
export function eachCalendarDay(first: string, last: string): string[] {
  const days: string[] = [];
  for (const d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
}
