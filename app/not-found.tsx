import Link from "next/link";
import { useTranslations } from "next-intl";
import { Sidebar } from "@/components/nav/sidebar";

export default function NotFound() {
  const t = useTranslations("common");
  return (
    <div className="md:flex">
      <Sidebar />
      <main className="mx-auto w-full max-w-3xl px-4 py-16 md:px-8">
        <p className="text-sm font-medium text-zinc-500 dark:text-zinc-400">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("notFound.title")}</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">{t("notFound.body")}</p>
        <Link
          href="/"
          className="mt-6 inline-block text-sm font-medium text-emerald-700 underline dark:text-emerald-400"
        >
          {t("notFound.back")}
        </Link>
      </main>
    </div>
  );
}
