import type { Locale } from "@/lib/locale";

// getLocale() and useLocale() answer one of the desk's languages, as lib/format.ts takes it (not any string).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
  }
}
