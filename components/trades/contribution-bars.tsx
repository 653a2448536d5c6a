import Link from "next/link";
import { useTranslations } from "next-intl";
import { parsePythonJson } from "@/lib/lenient-json";
import { BAD, GOOD } from "@/lib/palette";

/** Each agent's contribution to a trade as a bar, largest first; values that are not numbers listed as written. */
export function ContributionBars({ text }: { text: string | null }) {
  const t = useTranslations("trades");
  const parsed = parsePythonJson(text);
  const object =
    parsed.ok && parsed.value && typeof parsed.value === "object" && !Array.isArray(parsed.value)
      ? (parsed.value as Record<string, unknown>)
      : null;
  if (!object || Object.keys(object).length === 0) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        {text === null ? t("record.contributions.none") : t("record.contributions.unreadable", { text })}
      </p>
    );
  }
  const entries = Object.entries(object);
  const numbers = entries
    .filter((e): e is [string, number] => typeof e[1] === "number" && Number.isFinite(e[1]))
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  const odd = entries.filter(([, v]) => !(typeof v === "number" && Number.isFinite(v)));
  const largest = Math.max(...numbers.map(([, v]) => Math.abs(v)), 1e-9);
  return (
    <div>
      <ul className="space-y-1.5" aria-label={t("record.contributions.byAgent")}>
        {numbers.map(([agent, value]) => (
          <li key={agent} className="grid grid-cols-[minmax(0,10rem)_1fr_4rem] items-center gap-2 text-sm">
            <Link href={`/agents/${encodeURIComponent(agent)}`} className="truncate hover:underline">
              {agent}
            </Link>
            <span
              aria-hidden
              className="h-3 rounded-sm"
              style={{ width: `${(Math.abs(value) / largest) * 100}%`, background: value >= 0 ? GOOD : BAD }}
            />
            <span className="text-right tabular-nums">{value.toFixed(3)}</span>
          </li>
        ))}
      </ul>
      {odd.length > 0 ? (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {t("record.contributions.notNumbers", {
            values: odd
              .map(([agent, v]) => `${agent} = ${v === null ? t("record.contributions.nanOrNull") : JSON.stringify(v)}`)
              .join(", "),
          })}
        </p>
      ) : null}
    </div>
  );
}
