/** The desk's languages, Korean first: its operators read Korean. */
export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ko";
/** The reader's choice from the sidebar's switch, kept for a year. */
export const LOCALE_COOKIE = "agent_desk_locale";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * The language of a request: the reader's choice (cookie), else the first of their browser's languages
 * (`Accept-Language`, by quality) that the desk speaks, else the install's `DEFAULT_LOCALE`.
 */
export function pickLocale({
  cookie,
  acceptLanguage,
  fallback,
}: {
  cookie: string | undefined;
  acceptLanguage: string | null | undefined;
  fallback: Locale;
}): Locale {
  if (isLocale(cookie)) return cookie;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0]!, quality: q === undefined ? 1 : Number(q), order };
    })
    .filter((w) => w.quality > 0 && Number.isFinite(w.quality))
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return wanted.map((w) => w.language).find(isLocale) ?? fallback;
}
