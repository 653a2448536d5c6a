import Link from "next/link";

/** A row of links that switch one URL parameter (a chart's grouping), the current one marked. */
export function LinkSwitch({
  label,
  options,
}: {
  label: string;
  options: { label: string; href: string; current: boolean }[];
}) {
  return (
    <nav
      aria-label={label}
      className="inline-flex rounded-md border border-zinc-200 bg-white p-0.5 text-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      {options.map((o) => (
        <Link
          key={o.href}
          href={o.href}
          scroll={false}
          aria-current={o.current ? "true" : undefined}
          className={`rounded px-2 py-1 ${o.current ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
