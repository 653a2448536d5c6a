import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RunsLine } from "@/components/agents/runs-line";
import { RunsNotice } from "@/components/agents/runs-notice";
import { ReviewForm } from "@/components/review/review-form";
import { RecordedCentrally } from "@/components/fleet/recorded-centrally";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getUnderperformingAgents } from "@/db/queries/agent-contribution";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { getAgentRuns } from "@/db/queries/agent-runs";
import { getReviewDetails } from "@/db/queries/agent-review";
import { latestReviews } from "@/db/queries/reviews";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { pageClock } from "@/db/queries/page-clock";
import { getSwapLog } from "@/db/queries/swap-log";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import { readContext } from "@/lib/read-context";
import { readReviewSearch, type ReviewSearch } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<ReviewSearch> }) {
  const t = await getTranslations("review");
  const locale = await getLocale();
  const clock = await pageClock(searchParams);
  const { period, minTrades, threshold } = readReviewSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const agents = getUnderperformingAgents(ctx, { minTrades, threshold });
  const reviews = latestReviews(clock);
  const mapping = getAgentMapping(clock);
  const runs = getAgentRuns(clock);
  const detailsOf = getReviewDetails(
    ctx,
    agents.map((a) => a.agentName),
  );
  return (
    <>
      <PageHeader title={t("heading")} subtitle={t("subtitle", { minTrades, days: period.days, threshold })}>
        <form method="get" action="/review" className="flex items-end gap-2 text-xs" aria-label={t("settings.label")}>
          <label className="flex flex-col font-medium">
            {t("settings.minTrades")}
            <input
              name="min_trades"
              type="number"
              min={0}
              defaultValue={minTrades}
              className="w-20 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
          <label className="flex flex-col font-medium">
            {t("settings.threshold")}
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
            {t("settings.apply")}
          </button>
        </form>
      </PageHeader>
      {/* Not the overview's 0–1 score: the trading system's own figure, whose unit is easy to misread. */}
      <p className="mb-4 text-xs text-zinc-500 dark:text-zinc-400">{t("efficiencyNote", { currency: pnlCurrency })}</p>
      <RunsNotice runs={runs} />
      {agents.length === 0 ? (
        <Card title={t("empty.title")}>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("empty.text", { minTrades, days: period.days, threshold })}
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
              caption={
                review ? t("agent.reviewed", { at: review.reviewedAt, actor: review.actor }) : t("agent.notReviewed")
              }
            >
              <div className="grid gap-4 lg:grid-cols-3">
                <div className="space-y-2 text-sm lg:col-span-2">
                  <RunsLine runs={runs.find((r) => r.agent === agent.agentName)} zone={clock.zone} />
                  <p>
                    {t.rich("agent.efficiency", {
                      score: formatCount(Math.round(agent.efficiencyScore), locale),
                      trades: agent.tradesInvolved,
                      loss: formatMoney(agent.negativeContribution, pnlCurrency, locale),
                      confidence: agent.avgConfidence.toFixed(2),
                      strong: (chunks) => <strong>{chunks}</strong>,
                    })}
                  </p>
                  <p>
                    {t.rich("agent.llm", {
                      days: period.days,
                      calls: formatCount(details.llm.calls, locale),
                      cost: formatUsd(details.llm.cost, locale),
                      errors:
                        details.llm.errorRate === null
                          ? t("agent.noCalls")
                          : t("agent.failed", { rate: formatPercent(details.llm.errorRate, locale) }),
                      model: model ? `${model.provider} ${model.model}` : t("agent.unknownModel"),
                      swaps: swaps.length
                        ? t("agent.lastSwaps", {
                            swaps: swaps.map((s) => `${s.oldModel} → ${s.newModel} (${s.triggeredBy})`).join(", "),
                          })
                        : t("agent.neverSwapped"),
                      strong: (chunks) => <strong>{chunks}</strong>,
                    })}
                  </p>
                  {details.worst.length ? (
                    <div>
                      <p className="font-medium">{t("agent.worstTrades")}</p>
                      <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300">
                        {details.worst.map((trade, i) => (
                          <li key={`${trade.tradeId}-${i}`}>
                            {t("agent.worstTrade", {
                              trade: trade.tradeId ?? t("agent.noId"),
                              action: trade.action,
                              ticker: trade.ticker,
                              pnl: formatMoney(trade.pnl, pnlCurrency, locale),
                              contribution: trade.contribution.toFixed(2),
                            })}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {review ? (
                    <p className="rounded bg-zinc-100 px-2 py-1 text-xs dark:bg-zinc-800">
                      {t("agent.lastNote", { note: review.note })}
                    </p>
                  ) : null}
                </div>
                <div className="space-y-3">
                  <Link
                    href={`/evolution?swap=${encodeURIComponent(agent.agentName)}#swap-form`}
                    className="inline-block rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800"
                  >
                    {t("agent.swapModel")}
                  </Link>
                  {clock.system ? (
                    <RecordedCentrally system={clock.system} />
                  ) : (
                    <ReviewForm
                      agent={agent.agentName}
                      efficiencyScore={agent.efficiencyScore}
                      words={{
                        label: t("form.label", { agent: agent.agentName }),
                        note: t("form.note"),
                        placeholder: t("form.placeholder"),
                        pending: t("form.pending"),
                        submit: t("form.submit"),
                      }}
                    />
                  )}
                </div>
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
