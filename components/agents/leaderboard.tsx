import Link from "next/link";
import type { LeaderboardSort, SortDirection } from "@/app/(dashboard)/agents/search-params";
import { Sparkline } from "@/components/charts/sparkline";
import { Table, type Column as TableColumn } from "@/components/ui/table";
import { PRELIMINARY, type RosterRow } from "@/db/queries/agent-roster";
import { formatCount, formatMoney, formatPercent, formatUsd } from "@/lib/format";

type Column = {
  key: LeaderboardSort;
  header: string;
  value: (a: RosterRow) => number | string | null;
  cell: (a: RosterRow) => React.ReactNode;
  numeric?: boolean;
};

export function leaderboardColumns(currency: string): Column[] {
  const num = (v: number | null, f: (n: number) => string) => (v === null ? "—" : f(v));
  return [
    {
      key: "agent",
      header: "Agent",
      value: (a) => a.name,
      cell: (a) => (
        <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(a.name)}`}>
          {a.name}
        </Link>
      ),
    },
    {
      key: "model",
      header: "Model now",
      value: (a) => a.model,
      cell: (a) => (a.model ? `${a.provider} · ${a.model}` : "—"),
    },
    {
      key: "rating",
      header: "Rating",
      numeric: true,
      value: (a) => a.rating,
      cell: (a) => num(a.rating, (v) => v.toFixed(1)),
    },
    {
      key: "trend",
      header: "Weekly rating",
      value: (a) => a.ratings.at(-1) ?? null,
      cell: (a) => (
        <Sparkline
          values={a.ratings}
          label={`${a.name}'s weekly ratings: ${a.ratings.map((r) => r.toFixed(0)).join(", ") || "none"}`}
        />
      ),
    },
    {
      key: "winrate",
      header: "Wins / losses",
      numeric: true,
      value: (a) => a.winRate,
      cell: (a) => (a.wins + a.losses > 0 ? `${a.wins} / ${a.losses} (${formatPercent(a.winRate, 0)})` : "—"),
    },
    {
      key: "pnl",
      header: `PnL attributed (${currency})`,
      numeric: true,
      value: (a) => a.pnlAttributed,
      cell: (a) => num(a.pnlAttributed, (v) => formatMoney(v, currency)),
    },
    {
      key: "contribution",
      header: "Avg contribution",
      numeric: true,
      value: (a) => a.avgContribution,
      cell: (a) => num(a.avgContribution, (v) => v.toFixed(3)),
    },
    {
      key: "efficiency",
      header: "Efficiency",
      numeric: true,
      value: (a) => a.efficiencyScore,
      cell: (a) => num(a.efficiencyScore, (v) => formatCount(Math.round(v))),
    },
    {
      key: "accuracy",
      header: "Confidence accuracy",
      numeric: true,
      value: (a) => a.confidenceAccuracy,
      cell: (a) => num(a.confidenceAccuracy, (v) => formatPercent(v * 100, 0)),
    },
    { key: "calls", header: "LLM calls", numeric: true, value: (a) => a.calls, cell: (a) => formatCount(a.calls) },
    { key: "cost", header: "LLM cost", numeric: true, value: (a) => a.costUsd, cell: (a) => formatUsd(a.costUsd) },
    {
      key: "perdecision",
      header: "Cost per decision",
      numeric: true,
      value: (a) => a.costPerDecision,
      cell: (a) => num(a.costPerDecision, formatUsd),
    },
    {
      key: "success",
      header: "Success rate",
      numeric: true,
      value: (a) => a.successRate,
      cell: (a) => num(a.successRate, (v) => formatPercent(v)),
    },
    {
      key: "p95",
      header: "p95 latency",
      numeric: true,
      value: (a) => a.p95LatencyMs,
      cell: (a) => num(a.p95LatencyMs, (v) => `${formatCount(Math.round(v))} ms`),
    },
    {
      key: "swap",
      header: "Days since swap",
      numeric: true,
      value: (a) => a.daysSinceSwap,
      cell: (a) => num(a.daysSinceSwap, formatCount),
    },
  ];
}

/** Ranked agents first in the chosen order, then the preliminary ones; empty values last either way. */
export function sortRoster(rows: RosterRow[], column: Column, direction: SortDirection): RosterRow[] {
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
 * The agents ranked, in the table primitive: a rank (or "preliminary") before the columns, each heading a link that
 * sorts by it.
 */
export function Leaderboard({
  rows,
  columns,
  sort,
  direction,
  href,
}: {
  rows: RosterRow[];
  columns: Column[];
  sort: LeaderboardSort;
  direction: SortDirection;
  href: (sort: LeaderboardSort, direction: SortDirection) => string;
}) {
  const ranks = new Map(rows.filter((a) => !a.preliminary).map((a, i) => [a.name, i + 1]));
  const rank: TableColumn<RosterRow> = {
    header: "#",
    csvHeader: "preliminary",
    text: (a) => (a.preliminary ? "yes" : "no"),
    cell: (a) => (
      <span className="text-xs tabular-nums">
        {a.preliminary ? (
          <span
            title={`too little data to rank: fewer than ${PRELIMINARY.weeks} weekly ratings, or under ${PRELIMINARY.trades} trades with a result`}
            className="rounded bg-zinc-100 px-1 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          >
            preliminary
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
      header: c.header,
      numeric: c.numeric,
      cell: c.cell,
      text: c.key === "trend" ? (a) => a.ratings.map((r) => r.toFixed(1)).join(" ") : c.value,
      sort: { href: href(c.key, next), direction: active ? direction : undefined },
    };
  });
  return (
    <Table
      caption="Agents, sortable by every column; preliminary agents last"
      csv="agents"
      columns={[rank, ...sortable]}
      rows={rows}
      rowKey={(a) => a.name}
      rowClassName={(a) => (a.preliminary ? "text-zinc-500 dark:text-zinc-400" : "")}
      empty="No agents: the agent config is empty and the file holds no activity."
    />
  );
}
