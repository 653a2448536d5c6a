"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { ROUTES } from "./routes";

/** The main menu; `badges` puts a count beside a route (what fires now, beside Alerts). */
export function NavLinks({ badges = {} }: { badges?: Partial<Record<string, number>> }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {ROUTES.map(({ href, name }) => {
        const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={`relative block whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${
                active
                  ? "bg-zinc-900 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
                  : "text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              }`}
            >
              {t(`routes.${name}`)}
              {badges[href] ? (
                <>
                  <span
                    aria-hidden
                    className="ml-2 rounded-full bg-rose-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums"
                  >
                    {badges[href]}
                  </span>
                  {/* Inside the link (relative), so it scrolls with the phone's menu instead of widening the page. */}
                  <span className="sr-only">{t("firing", { count: badges[href] })}</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
