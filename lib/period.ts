/** The period in a page's URL: `?days=N` (the named links below); the default is 30 days. */
export const PERIOD_LINKS = [
  { label: "24h", days: 1 },
  { label: "7d", days: 7 },
  { label: "30d", days: 30 },
  { label: "90d", days: 90 },
  { label: "1y", days: 365 },
] as const;

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 3650;

export type Period = { days: number; label: string };

/** A page's period from its search params; anything unreadable falls back to the default rather than failing. */
export function readPeriod(value: string | string[] | undefined): Period {
  const raw = Array.isArray(value) ? value[0] : value;
  const days = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : DEFAULT_DAYS;
  const valid = days >= 1 && days <= MAX_DAYS ? days : DEFAULT_DAYS;
  return { days: valid, label: PERIOD_LINKS.find((p) => p.days === valid)?.label ?? `${valid}d` };
}
