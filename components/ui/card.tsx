import type { Covers } from "@/db/queries/freshness";
import { AsOf } from "./as-of";
import { Explain, type Figure } from "./explain";

/**
 * A titled section of a page; it ends with how current its figures are (`covers`: what they are made of). `explain`
 * puts a "?" beside the title for a section that is one figure drawn its own way (a meter, a list, a scatter plot).
 */
export function Card({
  title,
  caption,
  covers,
  explain,
  children,
}: {
  title: string;
  caption?: string;
  covers?: Covers;
  explain?: { figure: Figure; name: string };
  children: React.ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className="min-w-0 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">
          {title}
          {explain ? <Explain figure={explain.figure} name={explain.name} /> : null}
        </h2>
        {caption ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{caption}</p> : null}
      </header>
      {children}
      <AsOf covers={covers} />
    </section>
  );
}
