import { Leaderboard, leaderboardColumns, sortRoster } from "@/components/agents/leaderboard";
import { Card } from "@/components/ui/card";
import { LinkSwitch } from "@/components/ui/link-switch";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodPicker } from "@/components/ui/period-picker";
import { getAgentRoster } from "@/db/queries/agent-roster";
import { getDisplaySettings } from "@/db/queries/display-settings";
import { requestClock } from "@/db/queries/request-clock";
import { periodParams, periodPhrase } from "@/lib/period";
import { readPeriod, type PeriodSearch } from "@/lib/period-params";

export const metadata = { title: "Agents" };

const WORKFLOWS = ["all", "trading", "reflection"] as const;

type Search = PeriodSearch & { sort?: string; dir?: string; workflow?: string };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const { pnlCurrency } = getDisplaySettings();
  const { period, problem } = readPeriod(search, requestClock());
  const columns = leaderboardColumns(pnlCurrency);
  const column = columns.find((c) => c.key === search.sort) ?? columns.find((c) => c.key === "rating")!;
  const direction = search.dir === "asc" ? "asc" : "desc";
  const workflow = WORKFLOWS.find((w) => w === search.workflow) ?? "all";
  const roster = getAgentRoster(period).filter((a) => workflow === "all" || a.workflow === workflow);
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
          keep={new URLSearchParams({ sort: column.key, dir: direction, ...(workflow === "all" ? {} : { workflow }) }).toString()}
          period={period}
          problem={problem}
        />
      </PageHeader>
      <Card title="Leaderboard" caption="rating, wins and PnL from the reflection loop's weekly rows; efficiency = (Σ contribution × gain − Σ contribution × loss) / trades">
        <div className="mb-3">
          <LinkSwitch label="Workflow" options={WORKFLOWS.map((w) => ({ label: w === "all" ? "All agents" : `${w[0]!.toUpperCase()}${w.slice(1)}`, href: query({ workflow: w }), current: w === workflow }))} />
        </div>
        <Leaderboard rows={sortRoster(roster, column, direction)} columns={columns} sort={column.key} direction={direction} href={(sort, dir) => query({ sort, dir })} />
      </Card>
    </>
  );
}
