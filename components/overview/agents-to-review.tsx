import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { readReviewSearch } from "@/app/(dashboard)/review/search-params";
import { Card } from "@/components/ui/card";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { readContext, type RequestClock } from "@/lib/read-context";

/**
 * The review page as it opens (its defaults: the trading system's get_underperforming_agents), whatever the overview's
 * period.
 */
export async function AgentsToReview({ clock }: { clock: RequestClock }) {
  const t = await getTranslations("overview");
  const { period, minTrades, threshold } = readReviewSearch({}, clock);
  const agents = getUnderperformingAgents(readContext(clock, period), { minTrades, threshold });
  return (
    <Card
      covers="trades"
      title={t("review.title")}
      caption={t("review.caption", { days: period.days, threshold, minTrades })}
      explain={{ figure: "efficiencyScore", name: t("review.efficiencyName") }}
    >
      {agents.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("review.none")}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {agents.map((a) => (
            <li key={a.agentName} className="flex items-baseline justify-between gap-3 py-2 text-sm">
              <Link href={`/agents/${encodeURIComponent(a.agentName)}`} className="font-medium hover:underline">
                {a.agentName}
              </Link>
              <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                {t("review.agent", { score: a.efficiencyScore.toFixed(0), trades: a.tradesInvolved })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href="/review" className="text-emerald-700 hover:underline dark:text-emerald-400">
          {t("review.open")}
        </Link>
      </p>
    </Card>
  );
}
