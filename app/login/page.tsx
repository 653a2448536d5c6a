import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { appConfig } from "@/db";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!appConfig().dashboardPassword) redirect("/"); // local single-user mode: nothing to sign in to
  const next = (await searchParams).next ?? "/";
  const t = await getTranslations("login");
  return (
    <main className="grid min-h-screen place-items-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="mb-1 flex items-center gap-2 text-lg font-semibold">
          <span
            aria-hidden
            className="grid size-6 place-items-center rounded bg-emerald-700 text-xs font-bold text-white"
          >
            AD
          </span>
          Agent Desk
        </h1>
        <p className="mb-5 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        <SignInForm next={next} words={{ password: t("password"), submit: t("submit"), submitting: t("submitting") }} />
      </div>
    </main>
  );
}
