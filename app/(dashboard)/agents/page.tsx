import { getTranslations } from "next-intl/server";
import { Leaderboard } from "@/components/agents/leaderboard";
import { Card } from "@/components/ui/card";
import { LinkSwitch } from "@/components/ui/link-switch";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { periodText } from "@/components/ui/period-text";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { periodParams } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { readAgentsSearch, WORKFLOWS, type AgentsSearch } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("agents");
  return { title: t("title") };
}

export default async function AgentsPage({ searchParams }: { searchParams: Promise<AgentsSearch> }) {
  const clock = requestClock();
  const { period, problem, sort, direction, workflow } = readAgentsSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const t = await getTranslations("agents");
  const roster = getAgentRoster(ctx).filter((a) => workflow === "all" || a.workflow === workflow);
  const query = (params: Record<string, string>) => {
    const all = new URLSearchParams({ ...periodParams(period), sort, dir: direction, workflow, ...params });
    if (all.get("workflow") === "all") all.delete("workflow");
    return `/agents?${all}`;
  };
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle", { period: (await periodText(period)).phrase })}>
        <PeriodPicker
          path="/agents"
          keep={new URLSearchParams({
            sort,
            dir: direction,
            ...(workflow === "all" ? {} : { workflow }),
          }).toString()}
          period={period}
          problem={problem}
        />
      </PageHeader>
      <Card title={t("leaderboard.title")} caption={t("leaderboard.caption")}>
        <div className="mb-3">
          <LinkSwitch
            label={t("leaderboard.workflow")}
            options={WORKFLOWS.map((w) => ({
              label: t(`workflow.${w}`),
              href: query({ workflow: w }),
              current: w === workflow,
            }))}
          />
        </div>
        <Leaderboard
          roster={roster}
          currency={pnlCurrency}
          sort={sort}
          direction={direction}
          href={(sort, dir) => query({ sort, dir })}
        />
      </Card>
    </>
  );
}
