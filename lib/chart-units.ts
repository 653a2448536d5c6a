import { formatCompact, formatCount, formatMoney, formatPercent, formatUsd } from "./format";
import type { Locale } from "./locale";

/** What a chart's numbers are, so client charts format them without being handed functions. */
export type ChartUnit = "usd" | "money" | "count" | "ms" | "percent" | "score";

export function formatUnit(value: number | null, unit: ChartUnit, locale: Locale, currency = "KRW"): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "usd":
      return formatUsd(value, locale);
    case "money":
      return formatMoney(value, currency, locale);
    case "count":
      return formatCount(value, locale);
    case "ms":
      return `${formatCount(Math.round(value), locale)} ms`;
    case "percent":
      return formatPercent(value, locale);
    case "score":
      return value.toFixed(2);
  }
}

/** Axis ticks: short. */
export function formatTick(value: number, unit: ChartUnit, locale: Locale, currency = "KRW"): string {
  if (unit === "usd")
    return Math.abs(value) < 10 && value !== 0 ? `$${value.toFixed(2)}` : `$${formatCompact(value, locale)}`;
  if (unit === "money") return currency === "KRW" ? `₩${formatCompact(value, locale)}` : formatCompact(value, locale);
  if (unit === "percent") return `${value}%`;
  if (unit === "ms") return `${formatCompact(value, locale)}ms`;
  return formatCompact(value, locale);
}
