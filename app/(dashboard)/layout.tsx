import { useTranslations } from "next-intl";
import { Sidebar } from "@/components/nav/sidebar";
import { CountingWords } from "@/components/ui/counting-words";
import { PageErrorWordsProvider } from "@/components/ui/page-error-words";

// Every page reads the live database file: never prerender at build time.
export const dynamic = "force-dynamic";

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  const t = useTranslations("common");
  const errorWords = {
    title: t("pageError.title"),
    body: t("pageError.body"),
    retry: t("pageError.retry"),
    // The digest is known only in the browser: the message goes as written, its {digest} filled in there.
    reference: t.raw("reference") as string,
    counting: <CountingWords what={t("pageError.period")} />,
  };
  return (
    <div className="md:flex">
      <Sidebar />
      <main className="mx-auto w-full max-w-7xl min-w-0 px-4 py-6 md:px-8">
        <PageErrorWordsProvider words={errorWords}>{children}</PageErrorWordsProvider>
      </main>
    </div>
  );
}
