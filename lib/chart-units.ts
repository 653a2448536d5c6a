import { formatCompact, formatCount, formatMoney, formatPercent, formatUsd } from "./format";

/** What a chart's numbers are, so client charts format them without being handed functions. */
export type ChartUnit = "usd" | "money" | "count" | "ms" | "percent" | "score";

export function formatUnit(value: number | null, unit: ChartUnit, currency = "KRW"): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "usd":
      return formatUsd(value);
    case "money":
      return formatMoney(value, currency);
    case "count":
      return formatCount(value);
    case "ms":
      return `${formatCount(Math.round(value))} ms`;
    case "percent":
      return formatPercent(value);
    case "score":
      return value.toFixed(2);
  }
}

/** Axis ticks: short. */
export function formatTick(value: number, unit: ChartUnit, currency = "KRW"): string {
  if (unit === "usd") return Math.abs(value) < 10 && value !== 0 ? `$${value.toFixed(2)}` : `$${formatCompact(value)}`;
  if (unit === "money") return currency === "KRW" ? `₩${formatCompact(value)}` : formatCompact(value);
  if (unit === "percent") return `${value}%`;
  if (unit === "ms") return `${formatCompact(value)}ms`;
  return formatCompact(value);
}
