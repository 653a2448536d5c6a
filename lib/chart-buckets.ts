/** Beyond this many days a daily chart is too dense to read (and to send): its rows are summed per week. */
export const MAX_DAILY_ROWS = 100;

type Row = { date: string } & Record<string, number | string | null>;

/**
 * Daily rows summed into weeks starting on Monday (each keyed by its first day shown) when there are more than
 * MAX_DAILY_ROWS of them, as dashboards pick a coarser interval for long periods; a week whose values are all
 * empty stays empty. Returns the rows and the bucket they are in.
 */
export function byReadableInterval<R extends Row>(rows: R[]): { rows: R[]; interval: "day" | "week" } {
  if (rows.length <= MAX_DAILY_ROWS) return { rows, interval: "day" };
  const weeks = new Map<string, R>();
  for (const row of rows) {
    const day = new Date(`${row.date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    const monday = day.toISOString().slice(0, 10);
    const week = weeks.get(monday);
    if (!week) {
      weeks.set(monday, { ...row, date: monday < rows[0]!.date ? rows[0]!.date : monday });
      continue;
    }
    for (const [key, value] of Object.entries(row)) {
      if (key === "date" || typeof value !== "number") continue;
      (week as Record<string, unknown>)[key] = ((week[key] as number | null) ?? 0) + value;
    }
  }
  return { rows: [...weeks.values()], interval: "week" };
}
