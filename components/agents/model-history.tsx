import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { periodText } from "@/components/ui/period-text";
import { Table, type Column } from "@/components/ui/table";
import { getModelHistory, type ModelHistoryCell } from "@/db/queries/model-history";
import { formatCount, formatPercent, formatUsd } from "@/lib/format";
import { periodTag } from "@/lib/period";
import type { ReadContext } from "@/lib/read-context";
import { MIN_TRADES, scoreInterval } from "@/lib/swap-verdict";

// The good and bad tints of components/ui/stat.tsx.
const TONES = {
  good: "text-emerald-700 dark:text-emerald-400",
  bad: "text-rose-700 dark:text-rose-400",
  tooFew: "text-zinc-500 dark:text-zinc-400",
};

/**
 * Each model the agents (or one `agent`) ran within the period, a row per agent and model: days run, trades, the
 * score with its 90 % interval, LLM cost per trade, success rate and p95 latency. For one agent, each model's name
 * opens the swap form on that agent.
 */
export async function ModelHistory({ ctx, currency, agent }: { ctx: ReadContext; currency: string; agent?: string }) {
  const t = await getTranslations("modelHistory");
  const locale = await getLocale();
  const cells = getModelHistory(ctx, { agent });
  const { phrase } = await periodText(ctx.period);
  const amount = (value: number) => formatCount(Math.round(value), locale);

  const score = (cell: ModelHistoryCell) => {
    const interval = scoreInterval(cell.score);
    const text =
      cell.score.n === 0
        ? "—"
        : interval === null
          ? amount(cell.score.sum / cell.score.n)
          : t("score", { mean: amount(interval.mean), low: amount(interval.low), high: amount(interval.high) });
    if (cell.score.n < MIN_TRADES)
      return { text: cell.score.n === 0 ? text : t("tooFew", { score: text }), tone: "tooFew" } as const;
    const tone = interval && interval.low > 0 ? "good" : interval && interval.high < 0 ? "bad" : null;
    return { text, tone } as const;
  };

  const model = (cell: ModelHistoryCell) => (
    <>
      {agent === undefined ? (
        cell.model
      ) : (
        // The swap form opens on the agent and the model the URL names (`?swap=…&model=…`).
        <Link
          href={`/evolution?${new URLSearchParams({ swap: cell.agent, model: cell.model })}#swap-form`}
          title={t("swapTo", { agent: cell.agent, model: cell.model })}
          className="font-medium text-emerald-700 underline dark:text-emerald-400"
        >
          {cell.model}
        </Link>
      )}
      {cell.current ? (
        <span className="ml-1.5 rounded bg-emerald-100 px-1 text-xs font-medium text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300">
          {t("now")}
        </span>
      ) : null}
    </>
  );

  const columns: Column<ModelHistoryCell>[] = [
    ...(agent === undefined
      ? [
          {
            header: t("column.agent"),
            text: (cell: ModelHistoryCell) => cell.agent,
            cell: (cell: ModelHistoryCell) => (
              <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(cell.agent)}`}>
                {cell.agent}
              </Link>
            ),
          },
        ]
      : []),
    { header: t("column.model"), text: (cell) => `${cell.model}${cell.current ? ` (${t("now")})` : ""}`, cell: model },
    {
      header: t("column.days"),
      numeric: true,
      figure: "daysRun",
      cell: (cell) => formatCount(Math.round(cell.days * 10) / 10, locale),
    },
    {
      header: t("column.trades"),
      numeric: true,
      figure: "modelTrades",
      cell: (cell) => formatCount(cell.trades, locale),
    },
    {
      header: t("column.score", { currency }),
      numeric: true,
      figure: "modelScore",
      text: (cell) => score(cell).text,
      cell: (cell) => {
        const { text, tone } = score(cell);
        return tone ? <span className={TONES[tone]}>{text}</span> : text;
      },
    },
    {
      header: t("column.costPerTrade"),
      numeric: true,
      figure: "modelCostPerTrade",
      cell: (cell) => formatUsd(cell.costPerTrade, locale),
    },
    {
      header: t("column.success"),
      numeric: true,
      figure: "successRate",
      cell: (cell) => formatPercent(cell.successRate, locale),
    },
    {
      header: t("column.p95"),
      numeric: true,
      figure: "latencyPercentile",
      cell: (cell) =>
        cell.p95LatencyMs === null ? "—" : t("latency", { ms: formatCount(Math.round(cell.p95LatencyMs), locale) }),
    },
  ];

  const table = {
    caption: agent === undefined ? t("matrix.tableCaption") : t("card.tableCaption", { name: agent }),
    csv: `${agent === undefined ? "agents" : agent}-model-history-${periodTag(ctx.period)}`,
    rows: cells,
    rowKey: (cell: ModelHistoryCell) => `${cell.agent}\0${cell.model}`,
    columns,
  };
  return agent === undefined ? (
    <Card covers="trades" title={t("matrix.title")} caption={t("matrix.caption", { period: phrase })}>
      <Table {...table} empty={t("matrix.empty")} />
    </Card>
  ) : (
    <Card covers="trades" title={t("card.title")} caption={t("card.caption", { name: agent, period: phrase })}>
      <Table {...table} empty={t("card.empty", { name: agent })} />
    </Card>
  );
}
