import { useTranslations } from "next-intl";

/** What CountingMessage says about `what` (a section's title, or the page's period), rendered on the server. */
export function CountingWords({ what }: { what: string }) {
  const t = useTranslations("common");
  return (
    <>
      <p className="font-medium">{t("counting.title", { what })}</p>
      <p className="mt-1">
        {t.rich("counting.body", {
          system: (chunks) => (
            <a className="underline" href="/system">
              {chunks}
            </a>
          ),
        })}
      </p>
    </>
  );
}
