import { useTranslations } from "next-intl";
import { CountingWords } from "./counting-words";
import { SectionErrorBoundary } from "./section-error-boundary";

/** A section of a page that fails alone (SectionErrorBoundary), with what it says then, in the reader's language. */
export function SectionBoundary({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useTranslations("common");
  return (
    <SectionErrorBoundary
      words={{
        failed: t("sectionError", { title }),
        reference: t.raw("reference") as string,
        counting: <CountingWords what={title} />,
      }}
    >
      {children}
    </SectionErrorBoundary>
  );
}
