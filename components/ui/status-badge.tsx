import { useTranslations } from "next-intl";
import type { SwapStatus } from "@/lib/swap-status";

// Colour is never the only signal: the status word is always written out.
const STYLES: Record<SwapStatus, string> = {
  validating: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  passed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  breached: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  inconclusive: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  rolled_back: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  superseded: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
};

export function StatusBadge({ status }: { status: SwapStatus }) {
  const t = useTranslations("common");
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}
