import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { periodForm, type Period } from "@/lib/period";

/**
 * The period in the reader's language, for pages' sentences: `label` for a figure's name ("7d",
 * "2026-11-01 – 2026-11-15"), `phrase` inside a sentence ("the last 7d", or the days), `length` for "vs previous …"
 * ("7d", "15 days").
 */
export type PeriodText = { label: string; phrase: string; length: string };

export async function periodText(period: Period): Promise<PeriodText> {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const form = periodForm(period);
  if (form.kind === "range") {
    const range = t("period.range", { from: formatDate(form.from, locale), to: formatDate(form.to, locale) });
    return { label: range, phrase: range, length: t("period.length", { days: form.days }) };
  }
  const label = t("period.label", { days: form.days });
  return { label, phrase: t("period.last", { label }), length: label };
}
