"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LinkPending } from "./link-pending";

export type NavLink = { href: string; label: string; badge?: { count: number; label: string } };

/**
 * The main menu, in the words the sidebar gives it; only which link is the current page is worked out here. A
 * `badge` puts a count beside a route (what fires now, beside Alerts), with its words for screen readers; `opening`
 * is said while a followed link's page is on its way.
 */
export function NavLinks({ links, opening }: { links: NavLink[]; opening: string }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {links.map(({ href, label, badge }) => {
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
              {label}
              <LinkPending label={opening} />
              {badge ? (
                <>
                  <span
                    aria-hidden
                    className="ml-2 rounded-full bg-rose-600 px-1.5 py-0.5 text-xs font-semibold text-white tabular-nums"
                  >
                    {badge.count}
                  </span>
                  {/* Inside the link (relative), so it scrolls with the phone's menu instead of widening the page. */}
                  <span className="sr-only">{badge.label}</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
