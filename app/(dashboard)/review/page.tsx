import Link from "next/link";
import { ReviewForm } from "@/components/review/review-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { getReviewDetails } from "@/db/queries/agent-review";
import { latestReviews } from "@/db/queries/reviews";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { getSwapLog } from "@/db/queries/swap-log";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import { lastDays } from "@/lib/period";

export const metadata = { title: "Review" };

const DAYS = 30;

type Search = { min_trades?: string; threshold?: string };

/** The URL's min_trades (a whole number) and threshold (a number), falling back to the trading system's 10 and -0.1. */
function readFilters(search: Search) {
  const minTrades = /^\d{1,6}$/.test(search.min_trades ?? "") ? Number(search.min_trades) : 10;
  const threshold = search.threshold !== undefined && search.threshold.trim() !== "" && Number.isFinite(Number(search.threshold)) ? Number(search.threshold) : -0.1;
  return { minTrades, threshold };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { minTrades, threshold } = readFilters(await searchParams);
  const { pnlCurrency } = getDisplaySettings();
  const period = lastDays(DAYS, requestClock());
  const agents = getUnderperformingAgents({ minTrades, period, threshold });
  const reviews = latestReviews();
  const { agents: mapping } = getAgentMapping();
  const detailsOf = getReviewDetails(agents.map((a) => a.agent_name), period);
  return (
    <>
      <PageHeader title="Agents to review" subtitle={`Agents in at least ${minTrades} trades over the last ${DAYS} days whose efficiency score is below ${threshold}: their contributions lost money on balance`}>
        <form method="get" action="/review" className="flex items-end gap-2 text-xs" aria-label="Review settings">
          <label className="flex flex-col font-medium">
            Min trades
            <input name="min_trades" type="number" min={0} defaultValue={minTrades} className="w-20 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950" />
          </label>
          <label className="flex flex-col font-medium">
            Score threshold
            <input name="threshold" type="number" step="any" defaultValue={threshold} className="w-24 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950" />
          </label>
          <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Apply
          </button>
        </form>
      </PageHeader>
      {agents.length === 0 ? (
        <Card title="Underperforming agents">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No agent is underperforming: every agent with {minTrades} or more trades in {DAYS} days scores at or above {threshold}.</p>
        </Card>
      ) : null}
      <div className="space-y-4">
        {agents.map((agent) => {
          const details = detailsOf.get(agent.agent_name)!;
          const review = reviews.get(agent.agent_name);
          const model = mapping[agent.agent_name];
          const swaps = getSwapLog({ agent: agent.agent_name, limit: 3 });
          return (
            <Card key={agent.agent_name} title={agent.agent_name} caption={review ? `reviewed ${review.reviewedAt} UTC by ${review.actor}` : "not reviewed yet"}>
              <div className="grid gap-4 lg:grid-cols-3">
                <div className="space-y-2 text-sm lg:col-span-2">
                  <p>
                    Efficiency score <strong>{formatCount(Math.round(agent.efficiency_score))}</strong> over {agent.trades_involved} trades: its contributions to losing trades weigh{" "}
                    {formatMoney(agent.negative_contribution, pnlCurrency)} (contribution × loss), with an average CIO confidence of {agent.avg_confidence.toFixed(2)}.
                  </p>
                  <p>
                    LLM, last {DAYS} days: {formatCount(details.llm.calls)} calls costing {formatUsd(details.llm.cost)}, {details.llm.errorRate === null ? "no calls" : `${formatPercent(details.llm.errorRate)} failed`}. Runs{" "}
                    <strong>{model ? `${model.provider} ${model.model}` : "an unknown model"}</strong>
                    {swaps.length ? `; last swaps: ${swaps.map((s) => `${s.oldModel} → ${s.newModel} (${s.triggeredBy})`).join(", ")}` : "; never swapped"}.
                  </p>
                  {details.worst.length ? (
                    <div>
                      <p className="font-medium">Its worst trades</p>
                      <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300">
                        {details.worst.map((t, i) => (
                          <li key={`${t.tradeId}-${i}`}>
                            {t.tradeId ?? "(no id)"} · {t.action} {t.ticker}: 7-day PnL {formatMoney(t.pnl, pnlCurrency)}, contribution {t.contribution.toFixed(2)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {review ? <p className="rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-800">Last note: {review.note}</p> : null}
                </div>
                <div className="space-y-3">
                  <Link href={`/evolution?swap=${encodeURIComponent(agent.agent_name)}#swap-form`} className="inline-block rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800">
                    Swap model
                  </Link>
                  <ReviewForm agent={agent.agent_name} efficiencyScore={agent.efficiency_score} />
                </div>
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
