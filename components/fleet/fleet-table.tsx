import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Facts } from "@/components/ui/facts";
import type { Figure } from "@/components/ui/explain";
import { Table } from "@/components/ui/table";
import type { FleetSystem } from "@/db/central/fleet-overview";
import { parseEventTime } from "@/lib/event-time";
import { formatCount, formatDateTime, formatMoney, formatPercent, formatUsd } from "@/lib/format";

// A shipper sends at least one batch every 10 s; past a minute of silence it (or its host) is in trouble.
const STALE_SECONDS = 60;

type Tone = "alert" | "warn" | undefined;
type Figureish = {
  header: string;
  figure?: Figure;
  numeric?: boolean;
  /** The value as shown, formatted in the reader's language. */
  show: (s: FleetSystem) => string;
  /** The value in the CSV: the number itself where there is one. */
  csv: (s: FleetSystem) => string | number | null;
  tone?: (s: FleetSystem) => Tone;
};

const TONES = {
  alert: "font-semibold text-red-700 dark:text-red-400",
  warn: "font-medium text-amber-800 dark:text-amber-300",
};

/**
 * Each trading system's trading, LLM spend, budget, agents to review and shipper: a row per system when there are
 * several, the same figures as a list for one (a phone shows them without scrolling sideways).
 */
export async function FleetTable({
  systems,
  now,
  zone,
  pnlCurrency,
  periodQuery,
  one,
}: {
  systems: FleetSystem[];
  now: number;
  zone: string;
  pnlCurrency: string;
  periodQuery: string;
  one: boolean;
}) {
  const t = await getTranslations("fleet");
  const locale = await getLocale();
  const seen = (s: FleetSystem) => {
    const at = s.shipper.lastBatchAt;
    if (!at) return { text: t("shipper.never"), stale: true };
    const seconds = Math.max(0, Math.round((now - at.getTime()) / 1000));
    const text =
      seconds < 120 ? t("shipper.seconds", { seconds }) : t("shipper.minutes", { minutes: Math.floor(seconds / 60) });
    return { text, stale: seconds > STALE_SECONDS };
  };
  const share = (spent: number, limit: number | null) => (limit ? (spent / limit) * 100 : null);
  const overAlert = (spent: number, limit: number | null, alertAt: number | null): Tone =>
    limit && alertAt !== null && spent >= limit * alertAt ? "alert" : undefined;
  const winRate = ({ trading: { wins, losses } }: FleetSystem) =>
    wins + losses > 0 ? (wins / (wins + losses)) * 100 : null;
  const figures: Figureish[] = [
    {
      header: t("table.pnl"),
      numeric: true,
      figure: "pnl7Days",
      show: (s) => formatMoney(s.trading.withPnl ? s.trading.pnl : null, pnlCurrency, locale),
      csv: (s) => (s.trading.withPnl ? s.trading.pnl : null),
    },
    {
      header: t("table.winRate"),
      numeric: true,
      figure: "winRate",
      show: (s) => formatPercent(winRate(s), locale),
      csv: winRate,
    },
    {
      header: t("table.trades"),
      numeric: true,
      figure: "trades",
      show: (s) => formatCount(s.trading.trades, locale),
      csv: (s) => s.trading.trades,
    },
    {
      header: t("table.llmCost"),
      numeric: true,
      figure: "llmCost",
      show: (s) => formatUsd(s.llm.cost, locale),
      csv: (s) => s.llm.cost,
    },
    {
      header: t("table.budgetToday"),
      numeric: true,
      figure: "budgetUse",
      show: (s) => formatPercent(share(s.spend.today, s.spend.dailyLimit), locale, 0),
      csv: (s) => share(s.spend.today, s.spend.dailyLimit),
      tone: (s) => overAlert(s.spend.today, s.spend.dailyLimit, s.spend.alertAt),
    },
    {
      header: t("table.budgetWeek"),
      numeric: true,
      figure: "budgetUse",
      show: (s) => formatPercent(share(s.spend.week, s.spend.weeklyLimit), locale, 0),
      csv: (s) => share(s.spend.week, s.spend.weeklyLimit),
      tone: (s) => overAlert(s.spend.week, s.spend.weeklyLimit, s.spend.alertAt),
    },
    {
      header: t("table.review"),
      show: (s) => (s.toReview.length ? s.toReview.map((a) => a.agentName).join(", ") : t("review.none")),
      csv: (s) => s.toReview.map((a) => a.agentName).join(" "),
      tone: (s) => (s.toReview.length ? "warn" : undefined),
    },
    {
      header: t("table.lastCall"),
      show: (s) => formatDateTime(s.lastCallAt === null ? null : parseEventTime(s.lastCallAt, zone), zone, locale),
      csv: (s) => s.lastCallAt,
    },
    {
      header: t("table.shipper"),
      show: (s) =>
        [
          seen(s).text,
          s.shipper.callsBehind > 0 ? t("shipper.behind", { count: s.shipper.callsBehind }) : null,
          s.shipper.skippedRows > 0 ? t("shipper.skipped", { count: s.shipper.skippedRows }) : null,
        ]
          .filter(Boolean)
          .join(" · "),
      csv: (s) => s.shipper.lastBatchAt?.toISOString() ?? null,
      tone: (s) => (seen(s).stale ? "alert" : s.shipper.skippedRows > 0 ? "warn" : undefined),
    },
    {
      header: t("table.pending"),
      numeric: true,
      figure: "countWaiting",
      show: (s) => formatCount(s.pendingSwaps, locale),
      csv: (s) => s.pendingSwaps,
    },
  ];
  if (one && systems[0])
    return (
      <Facts
        className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-5"
        items={figures.map((f) => ({ label: f.header, value: f.show(systems[0]!), figure: f.figure }))}
      />
    );
  return (
    <Table
      caption={t("table.caption")}
      rowKey={(s) => s.system}
      rows={systems}
      empty={t("table.empty")}
      csv="fleet.csv"
      columns={[
        {
          header: t("table.system"),
          cell: (s) => (
            <Link href={`/fleet?system=${s.system}&${periodQuery}`} className="font-medium hover:underline">
              {s.system}
            </Link>
          ),
          text: (s) => s.system,
        },
        ...figures.map((f) => ({
          header: f.header,
          numeric: f.numeric,
          figure: f.figure,
          cell: (s: FleetSystem) => {
            const tone = f.tone?.(s);
            return tone ? <span className={TONES[tone]}>{f.show(s)}</span> : f.show(s);
          },
          text: f.csv,
        })),
      ]}
    />
  );
}
