import { getTranslations } from "next-intl/server";
import { Leaderboard } from "@/components/agents/leaderboard";
import { ModelHistory } from "@/components/agents/model-history";
import { Card } from "@/components/ui/card";
import { LinkSwitch } from "@/components/ui/link-switch";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { periodText } from "@/components/ui/period-text";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getAgentRuns } from "@/db/queries/agent-runs";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { pageClock } from "@/db/queries/page-clock";
import { periodParams } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { AGENT_VIEWS, readAgentsSearch, WORKFLOWS, type AgentsSearch } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("agents");
  return { title: t("title") };
}

export default async function AgentsPage({ searchParams }: { searchParams: Promise<AgentsSearch> }) {
  const clock = await pageClock(searchParams);
  const { period, problem, sort, direction, workflow, view } = readAgentsSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const t = await getTranslations("agents");
  const tabs = await getTranslations("modelHistory");
  // The model history tab reads its own figures; the roster is the leaderboard's.
  const roster =
    view === "models" ? [] : getAgentRoster(ctx).filter((a) => workflow === "all" || a.workflow === workflow);
  const query = (params: Record<string, string>) => {
    const all = new URLSearchParams({ ...periodParams(period), sort, dir: direction, workflow, view, ...params });
    if (all.get("workflow") === "all") all.delete("workflow");
    if (all.get("view") === "leaderboard") all.delete("view");
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
            ...(view === "leaderboard" ? {} : { view }),
          }).toString()}
          period={period}
          problem={problem}
        />
      </PageHeader>
      <div className="mb-4">
        <LinkSwitch
          label={tabs("tabs.label")}
          options={AGENT_VIEWS.map((v) => ({
            label: tabs(`tabs.${v}`),
            href: query({ view: v }),
            current: v === view,
          }))}
        />
      </div>
      {view === "models" ? (
        <ModelHistory ctx={ctx} currency={pnlCurrency} />
      ) : (
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
            runs={getAgentRuns(clock)}
            zone={clock.zone}
            currency={pnlCurrency}
            sort={sort}
            direction={direction}
            href={(sort, dir) => query({ sort, dir })}
          />
        </Card>
      )}
    </>
  );
}
