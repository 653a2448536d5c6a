import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { appConfig } from "@/db";
import { LOCALE_COOKIE, pickLocale } from "@/lib/locale";
import { loadMessages } from "@/messages/catalogue";

// The language is a preference, not a URL segment: the reader's cookie, else their browser's languages, else
// DEFAULT_LOCALE. Times are always the data's zone (DATA_TIMEZONE), in either language.
export default getRequestConfig(async () => {
  const config = appConfig();
  const locale = pickLocale({
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
    fallback: config.defaultLocale,
  });
  return { locale, messages: await loadMessages(locale), timeZone: config.dataTimeZone };
});
