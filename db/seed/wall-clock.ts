import { zoneOffsetMs } from "@/lib/event-time";

export const MS_PER_DAY = 86_400_000;
export const US_PER_DAY = 86_400_000_000;

/**
 * The zone's local reading of `date`, counted in milliseconds as if that reading were UTC: plain arithmetic on
 * local dates and times (add a day, take the hour) without a time-zone library.
 */
export function wallClockMs(date: Date, timeZone: string): number {
  return date.getTime() + zoneOffsetMs(date.getTime(), timeZone);
}

/** Naive local wall-clock text of `date` in `timeZone`, `YYYY-MM-DDTHH:MM:SS.mmm`: what a naive now() reads there. */
export function toWallClockText(date: Date, timeZone: string): string {
  return new Date(wallClockMs(date, timeZone)).toISOString().slice(0, 23);
}

/** The local date (`YYYY-MM-DD`) of `date` in `timeZone`. */
export function localDate(date: Date, timeZone: string): string {
  return toWallClockText(date, timeZone).slice(0, 10);
}

/**
 * Turns local wall-clock times of one zone into UTC instants. The offset is looked up once per local day, at
 * noon: every generated event lies between 07:00 and 23:50, and zones change their offset at night.
 */
export class ZoneClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Milliseconds to subtract from a wall-clock reading of that day to get the UTC instant. */
  offsetMs(wallMs: number): number {
    const day = Math.floor(wallMs / MS_PER_DAY);
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const noon = day * MS_PER_DAY + MS_PER_DAY / 2;
      const guess = noon - (wallClockMs(new Date(noon), this.timeZone) - noon);
      offset = wallClockMs(new Date(guess), this.timeZone) - guess;
      this.offsets.set(day, offset);
    }
    return offset;
  }
}
