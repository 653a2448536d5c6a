import { useId } from "react";
import { useTranslations } from "next-intl";
import type figures from "@/messages/en/figures.json";

/** A figure the glossary (`messages/<locale>/figures.json`) explains: what it measures and in which unit. */
export type Figure = keyof typeof figures;

/**
 * A "?" beside a figure's name that opens one line saying what the figure measures and its unit. A native popover:
 * a button reachable by keyboard (Enter opens, Escape closes), a tap on a phone, no script in the browser.
 */
export function Explain({ figure, name }: { figure: Figure; name: string }) {
  const id = useId();
  const t = useTranslations("figures");
  const common = useTranslations("common");
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        aria-label={common("explain.open", { name })}
        className="explain-anchor ml-1 inline-flex size-4 shrink-0 cursor-help items-center justify-center rounded-full border border-zinc-300 align-[0.1em] text-[10px] leading-none font-semibold text-zinc-500 hover:border-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-emerald-600 dark:border-zinc-600 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        ?
      </button>
      <span
        id={id}
        popover="auto"
        className="explain-popover m-0 w-max max-w-72 rounded-md border border-zinc-200 bg-white p-2 text-left text-xs font-normal whitespace-normal text-zinc-700 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      >
        <strong className="font-semibold">{name}</strong> · {t(`${figure}.means`)}{" "}
        <span className="text-zinc-500 dark:text-zinc-400">
          {common("explain.unit", { unit: t(`${figure}.unit`) })}
        </span>
      </span>
    </>
  );
}
