import { zoneOffsetMs } from "./event-time";

// Display formatting; the API never rounds, pages do it here, once.

export function formatUsd(value: number | null): string {
  if (value === null) return "—";
  const digits = Math.abs(value) < 1 && value !== 0 ? 4 : 2;
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Money in the account currency (KRW by default: no minor unit shown). */
export function formatMoney(value: number | null, currency: string): string {
  if (value === null) return "—";
  return new Intl.NumberFormat("en-US", { style: "currency", currency, signDisplay: "exceptZero" }).format(value);
}

export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${value.toFixed(digits)}%`;
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat("en-US").format(value);
}

export function formatCompact(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** An instant as wall-clock time in the data's zone: `2025-09-19 14:23`. */
export function formatDateTime(epochMs: number | null, zone: string): string {
  if (epochMs === null) return "—";
  const iso = new Date(epochMs + zoneOffsetMs(epochMs, zone)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The zone's short label for "times in …" captions. */
export function zoneLabel(zone: string): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName")?.value;
  return name && name !== zone ? `${zone} (${name})` : zone;
}
