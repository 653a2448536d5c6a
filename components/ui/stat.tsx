import type { Change, Tone } from "@/lib/change";
import { Explain, type Figure } from "./explain";

const TONES: Record<Tone, string> = {
  neutral: "",
  good: "text-emerald-700 dark:text-emerald-400",
  bad: "text-rose-700 dark:text-rose-400",
};

/**
 * One key figure: a label with its explanation (`figure`, from the glossary), its value, its change against the
 * previous period, and a line of context.
 */
export function Stat({
  label,
  figure,
  value,
  detail,
  tone = "neutral",
  change,
}: {
  label: string;
  figure: Figure;
  value: string;
  detail?: string;
  tone?: Tone;
  change?: Change;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {label}
        <Explain figure={figure} name={label} />
      </dt>
      <dd
        className={`mt-1 text-xl font-semibold tracking-tight whitespace-nowrap sm:text-2xl tabular-nums ${TONES[tone]}`}
      >
        {value}
      </dd>
      {change ? <dd className={`text-xs font-medium tabular-nums ${TONES[change.tone]}`}>{change.text}</dd> : null}
      {detail ? <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{detail}</dd> : null}
    </div>
  );
}

export function StatSkeleton() {
  return (
    <div
      aria-hidden
      className="h-[86px] animate-pulse rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900"
    />
  );
}
