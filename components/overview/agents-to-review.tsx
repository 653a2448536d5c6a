import Link from "next/link";
import { readReviewSearch } from "@/app/(dashboard)/review/search-params";
import { Card } from "@/components/ui/card";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { formatCount } from "@/lib/format";
import { readContext, type RequestClock } from "@/lib/read-context";

/**
 * The review page as it opens (its defaults: the trading system's get_underperforming_agents), whatever the overview's
 * period.
 */
export async function AgentsToReview({ clock }: { clock: RequestClock }) {
  const { period, minTrades, threshold } = readReviewSearch({}, clock);
  const agents = getUnderperformingAgents(readContext(clock, period), { minTrades, threshold });
  return (
    <Card
      title="Agents needing review"
      caption={`last ${period.days} days · efficiency under ${threshold} with ${minTrades}+ trades`}
    >
      {agents.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No agent is below the threshold: every agent with enough trades pulls its weight.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {agents.map((a) => (
            <li key={a.agentName} className="flex items-baseline justify-between gap-3 py-2 text-sm">
              <Link href={`/agents/${encodeURIComponent(a.agentName)}`} className="font-medium hover:underline">
                {a.agentName}
              </Link>
              <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                efficiency {a.efficiencyScore.toFixed(0)} · {formatCount(a.tradesInvolved)} trades
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href="/review" className="text-emerald-700 hover:underline dark:text-emerald-400">
          Open the review →
        </Link>
      </p>
    </Card>
  );
}
