import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AgentsToReview } from "@/components/overview/agents-to-review";
import { DailyCharts } from "@/components/overview/daily-charts";
import { LatestSwaps } from "@/components/overview/latest-swaps";
import { OverviewStats, OverviewStatsSkeleton } from "@/components/overview/overview-stats";
import { SpendLimits } from "@/components/overview/spend-limits";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { PeriodPicker } from "@/components/ui/period-picker";
import { pageClock } from "@/db/queries/page-clock";
import { periodText } from "@/components/ui/period-text";
import { periodParams } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { readOverviewSearch, type OverviewSearchParams } from "./search-params";

const block = <div aria-hidden className="h-72 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<OverviewSearchParams> }) {
  const t = await getTranslations("overview");
  const clock = await pageClock(searchParams);
  const { period, problem } = readOverviewSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const key = new URLSearchParams(periodParams(period)).toString();
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { period: (await periodText(period)).phrase })}>
        <PeriodPicker path="/" period={period} problem={problem} />
      </PageHeader>
      <div className="space-y-6">
        <SectionBoundary title={t("sections.stats")}>
          <Suspense key={`stats-${key}`} fallback={<OverviewStatsSkeleton />}>
            <OverviewStats ctx={ctx} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary title={t("sections.charts")}>
          <Suspense key={`charts-${key}`} fallback={block}>
            <DailyCharts ctx={ctx} />
          </Suspense>
        </SectionBoundary>
        <div className="grid gap-6 lg:grid-cols-3">
          <SectionBoundary title={t("sections.spend")}>
            <Suspense fallback={block}>
              <SpendLimits clock={clock} />
            </Suspense>
          </SectionBoundary>
          <SectionBoundary title={t("sections.review")}>
            <Suspense fallback={block}>
              <AgentsToReview clock={clock} />
            </Suspense>
          </SectionBoundary>
          <SectionBoundary title={t("sections.swaps")}>
            <Suspense fallback={block}>
              <LatestSwaps clock={clock} />
            </Suspense>
          </SectionBoundary>
        </div>
      </div>
    </>
  );
}
