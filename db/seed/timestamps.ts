import type { Random } from "./random";
import { MS_PER_DAY, US_PER_DAY, type ZoneClock } from "./wall-clock";

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

/**
 * Writes generated event times (wall-clock microseconds in the data zone) the ways writers of the trading
 * system's file do. Built for millions of rows: day prefixes are cached, the rest is string concatenation.
 */
export class TimestampFormatter {
  private localDay = NaN;
  private localPrefix = "";
  private utcDay = NaN;
  private utcPrefix = "";

  constructor(private readonly clock: ZoneClock) {}

  /** Python's naive `datetime.now().isoformat()`: `2025-09-19T14:23:11.123456`, the fraction dropped when zero. */
  pythonIso(wallUs: number): string {
    const micro = wallUs % 1_000_000;
    const text = this.localDateText(wallUs) + "T" + clockText(wallUs);
    return micro === 0 ? text : text + "." + String(micro).padStart(6, "0");
  }

  /** The event as most rows carry it, with about 1% in the formats other writers use for the same moment. */
  event(wallUs: number, random: Random): string {
    const draw = random.next();
    if (draw < 0.989) return this.pythonIso(wallUs);
    if (draw < 0.993) return this.utcInstant(wallUs);
    if (draw < 0.997) return this.withOffset(wallUs);
    return this.spaceForm(wallUs);
  }

  /** A JavaScript writer's `toISOString()`: the UTC instant with milliseconds and `Z`. */
  utcInstant(wallUs: number): string {
    return new Date(Math.floor(wallUs / 1000) - this.clock.offsetMs(wallUs / 1000)).toISOString();
  }

  /** An aware Python datetime's `isoformat()`: local time with the zone's offset, `...+09:00`. */
  withOffset(wallUs: number): string {
    const minutes = Math.round(this.clock.offsetMs(wallUs / 1000) / 60_000);
    const sign = minutes < 0 ? "-" : "+";
    const abs = Math.abs(minutes);
    return `${this.pythonIso(wallUs)}${sign}${TWO_DIGITS[Math.floor(abs / 60)]}:${TWO_DIGITS[abs % 60]}`;
  }

  /** The space form, `YYYY-MM-DD HH:MM:SS`, local time (SQLite's datetime() style). */
  spaceForm(wallUs: number): string {
    return this.localDateText(wallUs) + " " + clockText(wallUs);
  }

  /** SQLite's CURRENT_TIMESTAMP for the same moment: UTC, `YYYY-MM-DD HH:MM:SS`; written into created_at. */
  sqliteUtc(wallUs: number): string {
    const utcUs = wallUs - this.clock.offsetMs(wallUs / 1000) * 1000;
    const day = Math.floor(utcUs / US_PER_DAY);
    if (day !== this.utcDay) {
      this.utcDay = day;
      this.utcPrefix = dateText(day);
    }
    return this.utcPrefix + " " + clockText(utcUs);
  }

  private localDateText(wallUs: number): string {
    const day = Math.floor(wallUs / US_PER_DAY);
    if (day !== this.localDay) {
      this.localDay = day;
      this.localPrefix = dateText(day);
    }
    return this.localPrefix;
  }
}

function dateText(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function clockText(us: number): string {
  const second = Math.floor((us % US_PER_DAY) / 1_000_000);
  return (
    TWO_DIGITS[Math.floor(second / 3600)]! +
    ":" +
    TWO_DIGITS[Math.floor(second / 60) % 60]! +
    ":" +
    TWO_DIGITS[second % 60]!
  );
}
