import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOut } from "@/app/login/actions";
import { appConfig } from "@/db";
import { getFiringCount } from "@/db/queries/alerts";
import { LocaleSwitch } from "./locale-switch";
import { NavLinks } from "./nav-links";
import { SystemKeeper } from "./system-keeper";
import { replicaSystems } from "@/db/replica/replica-files";
import { FLEET_ROUTE, ROUTES } from "./routes";

export function Sidebar() {
  const t = useTranslations("nav");
  const firing = getFiringCount();
  // A central desk opens on its fleet; a desk over one file has no fleet to show.
  const routes = appConfig().databaseUrl ? [FLEET_ROUTE, ...ROUTES] : ROUTES;
  const links = routes.map(({ href, name }) => ({
    href,
    label: t(`routes.${name}`),
    badge: href === "/alerts" && firing > 0 ? { count: firing, label: t("firing", { count: firing }) } : undefined,
  }));
  return (
    <nav
      aria-label={t("main")}
      className="sticky top-0 z-10 flex flex-col gap-3 border-b border-zinc-200 bg-white/90 px-4 py-3 backdrop-blur md:h-screen md:w-52 md:shrink-0 md:border-b-0 md:border-r md:py-5 dark:border-zinc-800 dark:bg-zinc-900/90"
    >
      <Link href="/" className="flex items-center gap-2 px-3 font-semibold tracking-tight">
        <span
          aria-hidden
          className="grid size-6 place-items-center rounded bg-emerald-700 text-xs font-bold text-white"
        >
          AD
        </span>
        Agent Desk
      </Link>
      <NavLinks links={links} opening={t("opening")} />
      {appConfig().databaseUrl ? (
        <SystemKeeper
          systems={replicaSystems(appConfig().fleetReplicaDir)}
          label={t("systemSwitch.label")}
          own={appConfig().isDemo ? undefined : t("systemSwitch.own")}
          choose={t("systemSwitch.choose")}
        />
      ) : null}
      <LocaleSwitch />
      {appConfig().dashboardPassword ? (
        <form action={signOut} className="px-3 md:mt-auto">
          <button
            type="submit"
            className="text-sm text-zinc-600 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          >
            {t("signOut")}
          </button>
        </form>
      ) : null}
    </nav>
  );
}
