import { zoneOffsetMs } from "./event-time";
import type { Locale } from "./locale";

// Display formatting, by Intl in the reader's language; the API never rounds, pages do it here, once.

const TAG: Record<Locale, string> = { ko: "ko-KR", en: "en-US" };

const numbers = new Map<string, Intl.NumberFormat>();
/** Intl formatters are costly to make and pure to use: one per locale and options. */
function number(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let format = numbers.get(key);
  if (!format) numbers.set(key, (format = new Intl.NumberFormat(TAG[locale], options)));
  return format;
}

/** USD as `$` in both languages (never `US$`), with cents, and four decimals below a dollar (per-call costs). */
export function formatUsd(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  const digits = Math.abs(value) < 1 && value !== 0 ? 4 : 2;
  return number(locale, {
    style: "currency",
    currency: "USD",
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Money in the account currency (KRW by default: ₩, no minor unit), signed. */
export function formatMoney(value: number | null, currency: string, locale: Locale): string {
  if (value === null) return "—";
  return number(locale, {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    signDisplay: "exceptZero",
  }).format(value);
}

export function formatPercent(value: number | null, locale: Locale, digits = 1): string {
  if (value === null) return "—";
  return number(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value / 100,
  );
}

export function formatCount(value: number, locale: Locale): string {
  return number(locale, {}).format(value);
}

/** Compact: 143.5M in English, 1.4억 and 3,450만 in Korean. */
export function formatCompact(value: number, locale: Locale): string {
  return number(locale, { notation: "compact", maximumFractionDigits: 1, useGrouping: true }).format(value);
}

/**
 * An instant as wall-clock time in the data's zone, 24-hour: `2025-09-19 14:23` in English, `2025년 9월 19일 14:23`
 * in Korean. Computed from the zone's offset rather than by Intl's time-of-day, so a browser and the server (and
 * ICU versions that write Korean times as "오후 11:07") cannot disagree.
 */
export function formatDateTime(epochMs: number | null, zone: string, locale: Locale): string {
  if (epochMs === null) return "—";
  const iso = new Date(epochMs + zoneOffsetMs(epochMs, zone)).toISOString();
  const time = iso.slice(11, 16);
  return locale === "ko" ? `${formatDate(iso.slice(0, 10), locale)} ${time}` : `${iso.slice(0, 10)} ${time}`;
}

/** A calendar day (`YYYY-MM-DD`): `2026-12-01` in English, `2026년 12월 1일` in Korean. */
export function formatDate(day: string, locale: Locale): string {
  if (locale === "en") return day;
  const [year, month, date] = day.split("-").map(Number);
  return `${year}년 ${month}월 ${date}일`;
}

/** A calendar day on a chart's axis: `12-01` in English, `12. 1.` in Korean. */
export function formatAxisDay(day: string, locale: Locale): string {
  if (locale === "en") return day.slice(5);
  const [, month, date] = day.split("-").map(Number);
  return `${month}. ${date}.`;
}

/** A time of day in the data's zone, 24-hour with seconds: `14:07:09` (for "as of" lines). */
export function formatClock(epochMs: number, zone: string): string {
  return new Date(epochMs + zoneOffsetMs(epochMs, zone)).toISOString().slice(11, 19);
}

/** The zone's short label for "times in …" captions, at the instant the page describes. */
export function zoneLabel(zone: string, atMs: number): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(atMs)
    .find((p) => p.type === "timeZoneName")?.value;
  return name && name !== zone ? `${zone} (${name})` : zone;
}
