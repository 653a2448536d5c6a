import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { LeaderboardSort, SortDirection } from "@/app/(dashboard)/agents/search-params";
import { Sparkline } from "@/components/charts/sparkline";
import type { Figure } from "@/components/ui/explain";
import { Table, type Column as TableColumn } from "@/components/ui/table";
import { PRELIMINARY, type RosterRow } from "@/db/queries/agent-roster";
import type { AgentRuns } from "@/db/queries/agent-runs";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";
import type { Locale } from "@/lib/locale";
import { RunsLine } from "./runs-line";

/** A column of the leaderboard; its heading is `column.<key>` in the catalogue. */
type Column = {
  key: LeaderboardSort;
  value: (a: RosterRow) => number | string | null;
  cell: (a: RosterRow) => React.ReactNode;
  numeric?: boolean;
  figure?: Figure;
};

function leaderboardColumns(
  currency: string,
  locale: Locale,
  t: ReturnType<typeof useTranslations<"agents">>,
  runs: Map<string, AgentRuns>,
  zone: string,
): Column[] {
  const num = (v: number | null, f: (n: number) => string) => (v === null ? "—" : f(v));
  return [
    {
      key: "agent",
      value: (a) => a.name,
      cell: (a) => (
        <>
          <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(a.name)}`}>
            {a.name}
          </Link>
          {a.description ? (
            <p className="max-w-64 text-xs whitespace-normal text-zinc-500 dark:text-zinc-400">{a.description}</p>
          ) : null}
        </>
      ),
    },
    {
      key: "model",
      value: (a) => a.model,
      cell: (a) => (
        <>
          {a.model ? `${a.provider} · ${a.model}` : "—"}
          <RunsLine runs={runs.get(a.name)} zone={zone} className="max-w-64" />
        </>
      ),
    },
    {
      key: "rating",
      figure: "performanceRating",
      numeric: true,
      value: (a) => a.rating,
      cell: (a) => num(a.rating, (v) => v.toFixed(1)),
    },
    {
      key: "trend",
      figure: "performanceRating",
      value: (a) => a.ratings.at(-1) ?? null,
      cell: (a) => (
        <Sparkline
          values={a.ratings}
          label={t("sparkline.label", {
            name: a.name,
            values: a.ratings.map((r) => r.toFixed(0)).join(", ") || t("sparkline.none"),
          })}
        />
      ),
    },
    {
      key: "winrate",
      figure: "agentWinsLosses",
      numeric: true,
      value: (a) => a.winRate,
      cell: (a) => (a.wins + a.losses > 0 ? `${a.wins} / ${a.losses} (${formatPercent(a.winRate, locale, 0)})` : "—"),
    },
    {
      key: "pnl",
      figure: "pnlAttributed",
      numeric: true,
      value: (a) => a.pnlAttributed,
      cell: (a) => num(a.pnlAttributed, (v) => formatMoney(v, currency, locale)),
    },
    {
      key: "contribution",
      figure: "avgContribution",
      numeric: true,
      value: (a) => a.avgContribution,
      cell: (a) => num(a.avgContribution, (v) => v.toFixed(3)),
    },
    {
      key: "efficiency",
      figure: "efficiencyScore",
      numeric: true,
      value: (a) => a.efficiencyScore,
      cell: (a) => num(a.efficiencyScore, (v) => formatCount(Math.round(v), locale)),
    },
    {
      key: "accuracy",
      figure: "confidenceAccuracy",
      numeric: true,
      value: (a) => a.confidenceAccuracy,
      cell: (a) => num(a.confidenceAccuracy, (v) => formatPercent(v * 100, locale, 0)),
    },
    {
      key: "calls",
      numeric: true,
      figure: "llmCalls",
      value: (a) => a.calls,
      cell: (a) => formatCount(a.calls, locale),
    },
    {
      key: "cost",
      numeric: true,
      figure: "llmCost",
      value: (a) => a.costUsd,
      cell: (a) => formatUsd(a.costUsd, locale),
    },
    {
      key: "perdecision",
      figure: "costPerDecision",
      numeric: true,
      value: (a) => a.costPerDecision,
      cell: (a) => num(a.costPerDecision, (v) => formatUsd(v, locale)),
    },
    {
      key: "success",
      figure: "successRate",
      numeric: true,
      value: (a) => a.successRate,
      cell: (a) => num(a.successRate, (v) => formatPercent(v, locale)),
    },
    {
      key: "p95",
      figure: "latencyPercentile",
      numeric: true,
      value: (a) => a.p95LatencyMs,
      cell: (a) => num(a.p95LatencyMs, (v) => `${formatCount(Math.round(v), locale)} ms`),
    },
    {
      key: "swap",
      figure: "daysSinceSwap",
      numeric: true,
      value: (a) => a.daysSinceSwap,
      cell: (a) => num(a.daysSinceSwap, (v) => formatCount(v, locale)),
    },
  ];
}

/** Ranked agents first in the chosen order, then the preliminary ones; empty values last either way. */
function sortRoster(rows: RosterRow[], column: Column, direction: SortDirection): RosterRow[] {
  const compare = (a: RosterRow, b: RosterRow) => {
    const [x, y] = [column.value(a), column.value(b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return direction === "asc" ? order : -order;
  };
  return [...rows].sort(
    (a, b) => Number(a.preliminary) - Number(b.preliminary) || compare(a, b) || a.name.localeCompare(b.name),
  );
}

/**
 * The agents ranked, sorted by `sort`, in the table primitive: a rank (or "preliminary") before the columns, each
 * heading a link that sorts by it; each agent's description from the config under its name, and under its model
 * what each source says it runs when they disagree (`runs`, times in `zone`).
 */
export function Leaderboard({
  roster,
  runs,
  zone,
  currency,
  sort,
  direction,
  href,
}: {
  roster: RosterRow[];
  runs: AgentRuns[];
  zone: string;
  currency: string;
  sort: LeaderboardSort;
  direction: SortDirection;
  href: (sort: LeaderboardSort, direction: SortDirection) => string;
}) {
  const t = useTranslations("agents");
  const locale = useLocale();
  const columns = leaderboardColumns(currency, locale, t, new Map(runs.map((r) => [r.agent, r])), zone);
  const sortedBy = columns.find((c) => c.key === sort)!;
  const rows = sortRoster(roster, sortedBy, direction);
  const ranks = new Map(rows.filter((a) => !a.preliminary).map((a, i) => [a.name, i + 1]));
  const rank: TableColumn<RosterRow> = {
    header: "#",
    csvHeader: "preliminary",
    text: (a) => (a.preliminary ? "yes" : "no"),
    cell: (a) => (
      <span className="text-xs tabular-nums">
        {a.preliminary ? (
          <span
            title={t("preliminary.tooltip", PRELIMINARY)}
            className="rounded bg-zinc-100 px-1 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          >
            {t("preliminary.badge")}
          </span>
        ) : (
          ranks.get(a.name)
        )}
      </span>
    ),
  };
  const sortable = columns.map((c): TableColumn<RosterRow> => {
    const active = c.key === sort;
    const next = active && direction === "desc" ? "asc" : active ? "desc" : c.numeric ? "desc" : "asc";
    return {
      header: t(`column.${c.key}`, { currency }),
      numeric: c.numeric,
      figure: c.figure,
      cell: c.cell,
      text: c.key === "trend" ? (a) => a.ratings.map((r) => r.toFixed(1)).join(" ") : c.value,
      sort: { href: href(c.key, next), direction: active ? direction : undefined },
    };
  });
  return (
    <Table
      caption={t("leaderboard.tableCaption")}
      csv="agents"
      columns={[rank, ...sortable]}
      rows={rows}
      rowKey={(a) => a.name}
      rowClassName={(a) => (a.preliminary ? "text-zinc-500 dark:text-zinc-400" : "")}
      empty={t("leaderboard.empty")}
    />
  );
}
