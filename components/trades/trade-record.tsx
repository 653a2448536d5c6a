import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ContributionBars } from "@/components/trades/contribution-bars";
import { JsonBlock } from "@/components/trades/json-block";
import { tradeIdKind } from "@/components/trades/trade-url";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { getDisplaySettings } from "@/db/queries/display-settings";
import type { TradeRecord } from "@/db/queries/trade-log";
import { formatCount, formatDateTime, formatMoney, formatPercent, zoneLabel } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";

/** A trade's page, whichever address found it (by id or by rowid). */
export function TradeRecordView({ trade, clock }: { trade: TradeRecord; clock: RequestClock }) {
  const { pnlCurrency } = getDisplaySettings();
  const t = useTranslations("trades");
  const locale = useLocale();
  const pnl = (value: number | null) => (value === null ? t("pending") : formatMoney(value, pnlCurrency, locale));
  return (
    <>
      <PageHeader
        title={t("record.title", { action: t(`action.${trade.action}`), ticker: trade.ticker })}
        subtitle={t("record.subtitle", {
          trade: t("tradeId", { kind: tradeIdKind(trade.tradeId), id: trade.tradeId ?? "" }),
          time: formatDateTime(trade.atMs, clock.zone, locale),
          zone: zoneLabel(clock.zone, clock.now),
        })}
      >
        <Link href="/trades" className="text-sm text-emerald-700 underline dark:text-emerald-400">
          {t("record.back")}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <Stat label={t("columns.quantity")} figure="quantity" value={formatCount(trade.quantity, locale)} />
          <Stat
            label={t("columns.price", { currency: pnlCurrency })}
            figure="price"
            value={formatMoney(trade.price, pnlCurrency, locale).replace(/^\+/, "")}
          />
          <Stat
            label={t("columns.confidence")}
            figure="decisionConfidence"
            value={trade.decisionConfidence === null ? "—" : formatPercent(trade.decisionConfidence * 100, locale, 0)}
          />
          <Stat
            label={t("columns.pnl7Days", { currency: pnlCurrency })}
            figure="pnl7Days"
            value={pnl(trade.pnl7Days)}
            tone={(trade.pnl7Days ?? 0) > 0 ? "good" : (trade.pnl7Days ?? 0) < 0 ? "bad" : "neutral"}
          />
          <Stat
            label={t("record.pnl30Days", { currency: pnlCurrency })}
            figure="pnl30Days"
            value={pnl(trade.pnl30Days)}
            tone={(trade.pnl30Days ?? 0) > 0 ? "good" : (trade.pnl30Days ?? 0) < 0 ? "bad" : "neutral"}
          />
        </dl>
        <div className="grid gap-6 xl:grid-cols-2">
          <Card title={t("record.contributions.title")} caption={t("record.contributions.caption")}>
            <ContributionBars text={trade.agentContributions} />
          </Card>
          <Card title={t("record.justification.title")} caption={t("record.justification.caption")}>
            <p lang="ko" className="text-sm leading-relaxed whitespace-pre-wrap">
              {trade.justificationText}
            </p>
          </Card>
        </div>
        <Card title={t("record.seen.title")}>
          <div className="grid gap-4 xl:grid-cols-3">
            <JsonBlock title={t("record.seen.marketSnapshot")} text={trade.marketSnapshot} />
            <JsonBlock title={t("record.seen.portfolioBefore")} text={trade.portfolioBefore} />
            <JsonBlock title={t("record.seen.analysisMetadata")} text={trade.analysisMetadata} />
          </div>
        </Card>
      </div>
    </>
  );
}
