import { Leaderboard, leaderboardColumns, sortRoster } from "@/components/agents/leaderboard";
import { Card } from "@/components/ui/card";
import { LinkSwitch } from "@/components/ui/link-switch";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { periodParams, periodPhrase } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { readAgentsSearch, WORKFLOWS, type AgentsSearch } from "./search-params";

export const metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<AgentsSearch> }) {
  const clock = requestClock();
  const { period, problem, sort, direction, workflow } = readAgentsSearch(await searchParams, clock);
  const ctx = readContext(clock, period);
  const { pnlCurrency } = getDisplaySettings();
  const columns = leaderboardColumns(pnlCurrency);
  const column = columns.find((c) => c.key === sort)!;
  const roster = getAgentRoster(ctx).filter((a) => workflow === "all" || a.workflow === workflow);
  const query = (params: Record<string, string>) => {
    const all = new URLSearchParams({ ...periodParams(period), sort: column.key, dir: direction, workflow, ...params });
    if (all.get("workflow") === "all") all.delete("workflow");
    return `/agents?${all}`;
  };
  return (
    <>
      <PageHeader title="Agents" subtitle={`Every agent's model, results and LLM use over ${periodPhrase(period)}`}>
        <PeriodPicker
          path="/agents"
          keep={new URLSearchParams({
            sort: column.key,
            dir: direction,
            ...(workflow === "all" ? {} : { workflow }),
          }).toString()}
          period={period}
          problem={problem}
        />
      </PageHeader>
      <Card
        title="Leaderboard"
        caption="rating, wins and PnL from the reflection loop's weekly rows; efficiency = (Σ contribution × gain − Σ contribution × loss) / trades"
      >
        <div className="mb-3">
          <LinkSwitch
            label="Workflow"
            options={WORKFLOWS.map((w) => ({
              label: w === "all" ? "All agents" : `${w[0]!.toUpperCase()}${w.slice(1)}`,
              href: query({ workflow: w }),
              current: w === workflow,
            }))}
          />
        </div>
        <Leaderboard
          rows={sortRoster(roster, column, direction)}
          columns={columns}
          sort={column.key}
          direction={direction}
          href={(sort, dir) => query({ sort, dir })}
        />
      </Card>
    </>
  );
}
