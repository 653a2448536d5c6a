import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { requestClock } from "@/db/queries/request-clock";
import { formatCount } from "@/lib/format";
import { lastDays } from "@/lib/period";

// The review page's defaults (the trading system's get_underperforming_agents): 30 days, at least 10 trades, efficiency under -0.1.
const REVIEW = { days: 30, minTrades: 10, threshold: -0.1 };

export async function AgentsToReview() {
  const { days, ...rule } = REVIEW;
  const agents = getUnderperformingAgents({ ...rule, period: lastDays(days, requestClock()) });
  return (
    <Card title="Agents needing review" caption="last 30 days · efficiency under -0.1 with 10+ trades">
      {agents.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No agent is below the threshold: every agent with enough trades pulls its weight.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {agents.map((a) => (
            <li key={a.agent_name} className="flex items-baseline justify-between gap-3 py-2 text-sm">
              <Link href={`/agents/${encodeURIComponent(a.agent_name)}`} className="font-medium hover:underline">
                {a.agent_name}
              </Link>
              <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                efficiency {a.efficiency_score.toFixed(0)} · {formatCount(a.trades_involved)} trades
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
