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
import { readContext } from "@/lib/read-context";
import { readReviewSearch, type ReviewSearch } from "./search-params";

export const metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<ReviewSearch> }) {
  const clock = requestClock();
  const { period, minTrades, threshold } = readReviewSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const agents = getUnderperformingAgents(ctx, { minTrades, threshold });
  const reviews = latestReviews();
  const mapping = getAgentMapping(clock);
  const detailsOf = getReviewDetails(
    ctx,
    agents.map((a) => a.agentName),
  );
  return (
    <>
      <PageHeader
        title="Agents to review"
        subtitle={`Agents in at least ${minTrades} trades over the last ${period.days} days whose efficiency score is below ${threshold}: their contributions lost money on balance`}
      >
        <form method="get" action="/review" className="flex items-end gap-2 text-xs" aria-label="Review settings">
          <label className="flex flex-col font-medium">
            Min trades
            <input
              name="min_trades"
              type="number"
              min={0}
              defaultValue={minTrades}
              className="w-20 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
          <label className="flex flex-col font-medium">
            Score threshold
            <input
              name="threshold"
              type="number"
              step="any"
              defaultValue={threshold}
              className="w-24 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Apply
          </button>
        </form>
      </PageHeader>
      {agents.length === 0 ? (
        <Card title="Underperforming agents">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No agent is underperforming: every agent with {minTrades} or more trades in {period.days} days scores at or
            above {threshold}.
          </p>
        </Card>
      ) : null}
      <div className="space-y-4">
        {agents.map((agent) => {
          const details = detailsOf.get(agent.agentName)!;
          const review = reviews.get(agent.agentName);
          const model = mapping[agent.agentName];
          const swaps = getSwapLog(clock, { agent: agent.agentName, limit: 3 });
          return (
            <Card
              key={agent.agentName}
              title={agent.agentName}
              caption={review ? `reviewed ${review.reviewedAt} UTC by ${review.actor}` : "not reviewed yet"}
            >
              <div className="grid gap-4 lg:grid-cols-3">
                <div className="space-y-2 text-sm lg:col-span-2">
                  <p>
                    Efficiency score <strong>{formatCount(Math.round(agent.efficiencyScore))}</strong> over{" "}
                    {agent.tradesInvolved} trades: its contributions to losing trades weigh{" "}
                    {formatMoney(agent.negativeContribution, pnlCurrency)} (contribution × loss), with an average CIO
                    confidence of {agent.avgConfidence.toFixed(2)}.
                  </p>
                  <p>
                    LLM, last {period.days} days: {formatCount(details.llm.calls)} calls costing{" "}
                    {formatUsd(details.llm.cost)},{" "}
                    {details.llm.errorRate === null ? "no calls" : `${formatPercent(details.llm.errorRate)} failed`}.
                    Runs <strong>{model ? `${model.provider} ${model.model}` : "an unknown model"}</strong>
                    {swaps.length
                      ? `; last swaps: ${swaps.map((s) => `${s.oldModel} → ${s.newModel} (${s.triggeredBy})`).join(", ")}`
                      : "; never swapped"}
                    .
                  </p>
                  {details.worst.length ? (
                    <div>
                      <p className="font-medium">Its worst trades</p>
                      <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300">
                        {details.worst.map((t, i) => (
                          <li key={`${t.tradeId}-${i}`}>
                            {t.tradeId ?? "(no id)"} · {t.action} {t.ticker}: 7-day PnL{" "}
                            {formatMoney(t.pnl, pnlCurrency)}, contribution {t.contribution.toFixed(2)}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {review ? (
                    <p className="rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-800">Last note: {review.note}</p>
                  ) : null}
                </div>
                <div className="space-y-3">
                  <Link
                    href={`/evolution?swap=${encodeURIComponent(agent.agentName)}#swap-form`}
                    className="inline-block rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800"
                  >
                    Swap model
                  </Link>
                  <ReviewForm agent={agent.agentName} efficiencyScore={agent.efficiencyScore} />
                </div>
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
