import "server-only";
import type { Observation, RuleParams } from "@/lib/alerts/rules";
import { calendarDate, wallClockToInstant, zoneOffsetMs } from "@/lib/event-time";
import type { RequestClock } from "@/lib/read-context";
import { costsPath, spendBetween } from "./spend";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const HISTORY_DAYS = 14;

/**
 * The last whole hour's spend (wall-clock hours in the clock's zone) against `factor` times the median of the same
 * hour on each of the 14 days before, and at least `minUsd`. Each hour is a whole hour of the aggregates (kept by
 * the range cache), so the 15 reads cost little.
 */
export function measureCostSpike(params: RuleParams<"cost_spike">, clock: RequestClock): Observation[] {
  const wallNow = clock.now + zoneOffsetMs(clock.now, clock.zone);
  const hourWall = Math.floor(wallNow / HOUR_MS) * HOUR_MS - HOUR_MS;
  const spendOfHour = (wall: number) =>
    spendBetween(clock, wallClockToInstant(wall, clock.zone), wallClockToInstant(wall + HOUR_MS, clock.zone));
  const spend = spendOfHour(hourWall);
  const history = Array.from({ length: HISTORY_DAYS }, (_, i) => spendOfHour(hourWall - (i + 1) * DAY_MS));
  const median = medianOf(history);
  const hourStart = wallClockToInstant(hourWall, clock.zone);
  const date = calendarDate(hourStart, clock.zone);
  return [
    {
      instance: "",
      // A median of 0 makes any spend of at least minUsd a spike.
      firing: spend >= params.minUsd && spend > params.factor * median,
      value: spend,
      threshold: params.factor * median,
      facts: { hourStart, median, factor: params.factor, minUsd: params.minUsd, path: costsPath(date, date) },
    },
  ];
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
