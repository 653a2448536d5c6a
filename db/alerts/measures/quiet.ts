import "server-only";
import { database } from "@/db";
import type { Observation, RuleParams } from "@/lib/alerts/rules";
import { calendarDate, parseEventTime, wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";

const MINUTE_MS = 60_000;
const DAY_MS = 1440 * MINUTE_MS;

/**
 * While the market is open (`days` and `start`–`end` in the rule's own zone), the minutes since the trading system
 * last wrote an LLM call or a trade, or since today's opening when that is later. The newest of each is the row with
 * the highest id (two index lookups, as db/queries/freshness.ts reads them); times are read in the clock's zone.
 */
export function measureQuiet(params: RuleParams<"quiet">, clock: RequestClock): Observation[] {
  const { sqlite } = database(clock);
  const newest = (sql: string) => {
    const text = sqlite.prepare(sql).pluck().get() as string | undefined;
    return text === undefined ? null : parseEventTime(text, clock.zone);
  };
  const lastCallAt = newest("SELECT timestamp FROM llm_usage_log ORDER BY id DESC LIMIT 1");
  const lastTradeAt = newest("SELECT timestamp FROM trades ORDER BY rowid DESC LIMIT 1");
  const openedAt = openingToday(params, clock.now);
  const facts = { lastCallAt, lastTradeAt, openedAt, path: "/system" };
  if (openedAt === null) return [{ instance: "", firing: false, value: null, threshold: params.minutes, facts }];
  const since = Math.max(openedAt, lastCallAt ?? -Infinity, lastTradeAt ?? -Infinity);
  const minutes = Math.max(0, Math.floor((clock.now - since) / MINUTE_MS));
  return [{ instance: "", firing: minutes >= params.minutes, value: minutes, threshold: params.minutes, facts }];
}

/** Today's opening instant when the market is open at `now` (from `start` up to, not at, `end`), else null. */
function openingToday({ days, start, end, zone }: RuleParams<"quiet">, now: number): number | null {
  const wall = now + zoneOffsetMs(now, zone);
  const date = calendarDate(now, zone);
  const isoWeekday = ((new Date(wall).getUTCDay() + 6) % 7) + 1;
  const minuteOfDay = Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  if (!days.includes(isoWeekday) || minuteOfDay < minutes(start) || minuteOfDay >= minutes(end)) return null;
  return wallClockToInstant(Date.parse(`${date}T${start}:00Z`), zone);
}
