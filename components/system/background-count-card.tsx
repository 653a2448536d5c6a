import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { getBackgroundCount } from "@/db/queries/background-count";
import { formatCount, formatDateTime } from "@/lib/format";
import type { RequestClock } from "@/lib/read-context";
import { COUNTING_STATE_KEYS } from "./counting-state-keys";

// The server's fixed texts (db/background/counting-loop.ts), by message key; any other (a migration's progress
// line, an error's message, a time adopted back to) is shown as the server wrote it.
const DETAIL_KEYS: Record<string, string> = {
  "the database file is missing": "missing",
  "backing the file up before its migrations": "backingUp",
  "the trading system holds the write lock": "writeLock",
};
const ADOPTION_KEYS: Record<string, string> = {
  "not started": "notStarted",
  "every dated call; now the undated ones": "undated",
};
const REFUSED = /^the file refuses writes \((\w*)\); figures are read as they were counted$/;

/**
 * /system: the server's background count, the one writer of Agent Desk's aggregates: its state, what waits, how long.
 */
export function BackgroundCountCard({ clock }: { clock: RequestClock }) {
  const count = getBackgroundCount(clock);
  const t = useTranslations("system");
  const locale = useLocale();
  const detail = (text: string) => {
    const refused = REFUSED.exec(text);
    if (refused) return t("background.detail.refused", { code: refused[1] ?? "" });
    return DETAIL_KEYS[text] ? t(`background.detail.${DETAIL_KEYS[text]}`) : text;
  };
  const adopted = (backTo: string) =>
    ADOPTION_KEYS[backTo] ? t(`background.adoption.${ADOPTION_KEYS[backTo]}`) : backTo;
  return (
    <Card title={t("background.title")} caption={t("background.caption")}>
      {count ? (
        <Facts
          className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6"
          items={[
            {
              label: t("background.stateLabel"),
              value: count.detail
                ? t("background.stateWithDetail", {
                    state: t(`background.state.${COUNTING_STATE_KEYS[count.state]}`),
                    detail: detail(count.detail),
                  })
                : t(`background.state.${COUNTING_STATE_KEYS[count.state]}`),
              wide: "col-span-2 sm:col-span-3 lg:col-span-2",
            },
            {
              label: t("background.llmCalls"),
              value: formatCount(count.llmCallsWaiting, locale),
              figure: "countWaiting",
            },
            {
              label: t("background.corrections"),
              value: formatCount(count.correctionsWaiting, locale),
              figure: "countWaiting",
            },
            {
              label: t("background.tradeChanges"),
              value: formatCount(count.tradeChangesWaiting, locale),
              figure: "countWaiting",
            },
            {
              label: t("background.behindFor"),
              figure: "countBehind",
              value:
                count.behindSeconds === null
                  ? "—"
                  : t("background.seconds", { seconds: formatCount(count.behindSeconds, locale) }),
            },
            {
              label: t("background.lastCaughtUp", { zone: clock.zone }),
              value:
                count.currentAt === null ? t("background.notYet") : formatDateTime(count.currentAt, clock.zone, locale),
            },
            ...(count.adoptedBackTo === null
              ? []
              : [{ label: t("background.adoptedBackTo"), value: adopted(count.adoptedBackTo), wide: "col-span-2" }]),
          ]}
        />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("background.none")}</p>
      )}
    </Card>
  );
}
