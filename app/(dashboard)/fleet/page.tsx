import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { readReviewSearch } from "@/app/(dashboard)/review/search-params";
import { CentralSwaps } from "@/components/fleet/central-swaps";
import { FleetTable } from "@/components/fleet/fleet-table";
import { SystemSwitcher } from "@/components/fleet/system-switcher";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { periodText } from "@/components/ui/period-text";
import { fleetSystemNames, getFleetOverview } from "@/db/central/fleet-overview";
import { centralStore } from "@/db/central/store";
import { recentSwapRequests, systemAgents } from "@/db/central/swap-requests";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { periodParams } from "@/lib/period";
import { readFleetSearch, type FleetSearchParams } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("fleet");
  return { title: t("title") };
}

/** The central desk's first page: every trading system shipping to it, or one of them (`?system=NAME`). */
export default async function FleetPage({ searchParams }: { searchParams: Promise<FleetSearchParams> }) {
  const t = await getTranslations("fleet");
  const pool = centralStore("pages");
  if (!pool)
    return (
      <>
        <PageHeader title={t("title")} subtitle={t("notCentral.subtitle")} />
        <Card title={t("notCentral.title")}>
          <p className="text-sm">{t("notCentral.body")}</p>
        </Card>
      </>
    );
  const clock = requestClock();
  const search = readFleetSearch(await searchParams, clock);
  const names = await fleetSystemNames(pool);
  const system = search.system !== undefined && names.includes(search.system) ? search.system : undefined;
  const { period, minTrades, threshold } = readReviewSearch({}, clock);
  const systems = await getFleetOverview(pool, clock, search.period, { period, minTrades, threshold }, system);
  const periodQuery = new URLSearchParams(periodParams(search.period)).toString();
  const { pnlCurrency } = getDisplaySettings();
  return (
    <>
      <PageHeader
        title={system ? t("titleOne", { system }) : t("title")}
        subtitle={t("subtitle", { period: (await periodText(search.period)).phrase, count: names.length })}
      >
        <PeriodPicker
          path="/fleet"
          period={search.period}
          keep={system ? `system=${system}` : undefined}
          problem={search.problem}
        />
      </PageHeader>
      <div className="space-y-6">
        <SystemSwitcher systems={names} current={system} periodQuery={periodQuery} />
        {system ? (
          <p className="text-sm">
            <Link
              href={`/?system=${system}&${periodQuery}`}
              className="text-emerald-700 underline dark:text-emerald-400"
            >
              {t("openPages", { system })}
            </Link>
          </p>
        ) : null}
        {search.system !== undefined && !system ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t("unknownSystem", { system: search.system })}
          </p>
        ) : null}
        <Card title={t("table.title")} caption={t("table.reviewRule", { days: period.days, minTrades, threshold })}>
          <FleetTable
            systems={systems}
            now={clock.now}
            zone={clock.zone}
            pnlCurrency={pnlCurrency}
            periodQuery={periodQuery}
            one={system !== undefined}
          />
        </Card>
        {system ? (
          <CentralSwaps
            system={system}
            agents={await systemAgents(pool, system)}
            requests={await recentSwapRequests(pool, system)}
            requested={search.requested}
            invalid={search.invalid}
            zone={clock.zone}
          />
        ) : null}
      </div>
    </>
  );
}
