import { getLocale, getTranslations } from "next-intl/server";
import type { JudgedSwap } from "@/db/queries/evolution";
import { formatCount, formatDateTime, formatPercent } from "@/lib/format";
import { spreadOf } from "@/lib/swap-verdict";

/** What a swap's verdict rests on, in words: the interval against the threshold, the scale, the windows, the method. */
export async function VerdictWords({ swap, zone }: { swap: JudgedSwap; zone: string }) {
  const t = await getTranslations("evolution");
  const locale = await getLocale();
  const percent = (v: number) => formatPercent(v * 100, locale, 0);
  const { verdict, observations } = swap;
  const threshold = percent(swap.rollbackThreshold ?? -0.1);
  const before = swap.validation.before;
  const lines: string[] = [];
  if (verdict.estimate === null) {
    lines.push(
      ...(verdict.tooSmall.length === 0
        ? [t("verdict.flat")]
        : verdict.tooSmall.map((s) => t("verdict.tooSmall", { ...s, of: observations.of }))),
    );
  } else {
    const interval = { low: percent(verdict.estimate.low), high: percent(verdict.estimate.high), threshold };
    if (verdict.outcome === "inconclusive") {
      lines.push(t("verdict.straddles", interval));
      lines.push(
        verdict.moreAfter === null
          ? t("verdict.noMore")
          : t("verdict.more", { more: verdict.moreAfter, of: observations.of }),
      );
    } else {
      lines.push(t(`verdict.${verdict.outcome}`, { ...interval, agent: swap.agentName }));
    }
    lines.push(
      observations.of === "pnl"
        ? t("verdict.scalePnl", {
            scale: verdict.estimate.scale,
            before: formatCount(Math.round(before.pnlScore ?? 0), locale),
            spread: formatCount(Math.round(spreadOf(before.samples.trades)), locale),
          })
        : t("verdict.scaleCalls", { before: percent(before.successRate ?? 0) }),
    );
  }
  if (swap.status === "validating") lines.push(t("verdict.running"));
  const start = swap.validation.ranges?.after[0];
  if (start !== undefined)
    lines.push(
      t("verdict.startedBy", {
        startedBy: swap.validation.startedBy ?? "schedule",
        model: swap.newModel,
        time: formatDateTime(start, zone, locale),
      }),
    );
  lines.push(t("verdict.method", { of: observations.of, before: observations.before, after: observations.after }));
  return (
    <div className="space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
