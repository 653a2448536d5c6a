import { Suspense } from "react";
import { AgentsToReview } from "@/components/overview/agents-to-review";
import { DailyCharts } from "@/components/overview/daily-charts";
import { LatestSwaps } from "@/components/overview/latest-swaps";
import { OverviewStats, OverviewStatsSkeleton } from "@/components/overview/overview-stats";
import { SpendLimits } from "@/components/overview/spend-limits";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { PeriodPicker } from "@/components/ui/period-picker";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { readPeriod } from "@/lib/period";

const block = <div aria-hidden className="h-72 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ days?: string | string[] }> }) {
  const period = readPeriod((await searchParams).days);
  const { dataTimeZone } = getDisplaySettings();
  return (
    <>
      <PageHeader title="Overview" subtitle={`The trading system over the last ${period.label}`}>
        <PeriodPicker path="/" days={period.days} />
      </PageHeader>
      <div className="space-y-6">
        <SectionBoundary title="The key figures">
          <Suspense key={`stats-${period.days}`} fallback={<OverviewStatsSkeleton />}>
            <OverviewStats days={period.days} label={period.label} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary title="The daily charts">
          <Suspense key={`charts-${period.days}`} fallback={block}>
            <DailyCharts days={period.days} dataTimeZone={dataTimeZone} />
          </Suspense>
        </SectionBoundary>
        <div className="grid gap-6 lg:grid-cols-3">
          <SectionBoundary title="The spend against the limits">
            <Suspense fallback={block}>
              <SpendLimits />
            </Suspense>
          </SectionBoundary>
          <SectionBoundary title="The agents needing review">
            <Suspense fallback={block}>
              <AgentsToReview />
            </Suspense>
          </SectionBoundary>
          <SectionBoundary title="The latest model swaps">
            <Suspense fallback={block}>
              <LatestSwaps dataTimeZone={dataTimeZone} />
            </Suspense>
          </SectionBoundary>
        </div>
      </div>
    </>
  );
}
