import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/locale-actions";
import { LOCALES } from "@/lib/locale";

// Each language is offered in itself, so a reader who cannot read the current one still finds theirs.
const SHORT = { ko: "ko", en: "EN" } as const;

/** `ko | EN` in the sidebar: a form per click, so it works before any JavaScript has loaded. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <form action={setLocale} aria-label={t("language")} className="flex items-center gap-1 px-3 text-sm">
      {LOCALES.map((option, i) => (
        <span key={option} className="flex items-center gap-1">
          {i > 0 ? (
            <span aria-hidden className="text-zinc-400">
              |
            </span>
          ) : null}
          <button
            type="submit"
            name="locale"
            value={option}
            lang={option}
            aria-label={t(`languageName.${option}`)}
            aria-pressed={option === locale}
            className="rounded px-1 text-zinc-600 hover:text-zinc-900 aria-pressed:font-semibold aria-pressed:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-pressed:text-zinc-100"
          >
            {SHORT[option]}
          </button>
        </span>
      ))}
    </form>
  );
}
