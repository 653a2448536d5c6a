// The aggregate keys of migrations/0003, as SQL over a row alias: the one definition the background count (new
// calls, corrections, adoption) writes with and the window reader reads with, so "counted" means the same to both
// (a test rebuilds the aggregates from scratch and compares them with what the count kept).

/** A time written with Z or an offset (the text after the minutes holds Z, + or -). */
export const zonedSql = (ts: string) => `(substr(${ts}, 17) GLOB '*[Z+-]*')`;
/** A naive time: a date, T or a space, and at least hours and minutes. */
export const naiveSql = (ts: string) =>
  `(${ts} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9][T ][0-2][0-9]:[0-5][0-9]*')`;
const ZONED = zonedSql;
const NAIVE = naiveSql;

export function hourKeySql(ts: string): string {
  return `CASE WHEN ${ZONED(ts)} THEN coalesce('U' || strftime('%Y-%m-%dT%H', ${ts}), '?')
    WHEN ${NAIVE(ts)} THEN substr(${ts}, 1, 10) || 'T' || substr(${ts}, 12, 2) ELSE '?' END`;
}

export function dayKeySql(ts: string): string {
  return `CASE WHEN ${ZONED(ts)} THEN coalesce('U' || strftime('%Y-%m-%d', ${ts}), '?')
    WHEN ${NAIVE(ts)} THEN substr(${ts}, 1, 10) ELSE '?' END`;
}

export function latencyBucketSql(ms: string): string {
  const digits = `CAST(CAST(${ms} AS INTEGER) AS TEXT)`;
  return `(length(${digits}) * 100 + CAST(substr(${digits}, 1, 2) AS INTEGER))`;
}

/** The latency a bucket stands for: the midpoint of its range, within 5 % of any latency in it. */
export function bucketMidpointMs(bucket: number): number {
  const digits = Math.floor(bucket / 100);
  const lead = bucket % 100;
  if (digits <= 1) return lead + 0.5;
  return (lead + 0.5) * 10 ** (digits - 2);
}

/** The minute a row falls in, like the hour key ('2026-01-05T09:15', 'U2026-01-05T00:15', '?'): for the range cache. */
export function minuteKeySql(ts: string): string {
  return `CASE WHEN ${ZONED(ts)} THEN coalesce('U' || strftime('%Y-%m-%dT%H:%M', ${ts}), '?')
    WHEN ${NAIVE(ts)} THEN substr(${ts}, 1, 10) || 'T' || substr(${ts}, 12, 5) ELSE '?' END`;
}
