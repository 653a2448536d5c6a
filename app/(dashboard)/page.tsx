import { Suspense } from "react";
import { LatestSwaps } from "@/components/overview/latest-swaps";
import { OverviewStats, OverviewStatsSkeleton } from "@/components/overview/overview-stats";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { readPeriod } from "@/lib/period";
import { getDisplaySettings } from "@/db/queries/display-settings";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ days?: string | string[] }> }) {
  const period = readPeriod((await searchParams).days);
  return (
    <>
      <PageHeader title="Overview" subtitle={`The trading system over the last ${period.label}`}>
        <PeriodPicker path="/" days={period.days} />
      </PageHeader>
      <div className="space-y-6">
        <Suspense key={period.days} fallback={<OverviewStatsSkeleton />}>
          <OverviewStats days={period.days} />
        </Suspense>
        <Suspense fallback={<div aria-hidden className="h-48 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" />}>
          <LatestSwaps dataTimeZone={getDisplaySettings().dataTimeZone} />
        </Suspense>
      </div>
    </>
  );
}
