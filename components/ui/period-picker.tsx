import Link from "next/link";
import { PERIOD_LINKS } from "@/lib/period";

/** The period links of every page (`?days=N`, README "The pages"), keeping the page's path and the other filters given in `keep`. */
export function PeriodPicker({ path, days, keep }: { path: string; days: number; keep?: string }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-md border border-zinc-200 bg-white p-0.5 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      {PERIOD_LINKS.map((period) => (
        <Link
          key={period.days}
          href={`${path}?${keep ? `${keep}&` : ""}days=${period.days}`}
          aria-current={period.days === days ? "true" : undefined}
          className={`rounded px-2.5 py-1 tabular-nums ${
            period.days === days
              ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
              : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          }`}
        >
          {period.label}
        </Link>
      ))}
    </nav>
  );
}
