import { getLocale, getTranslations } from "next-intl/server";
import { getFreshness, type Covers } from "@/db/queries/freshness";
import { msSinceRequestStart, requestClock } from "@/db/queries/request-clock";
import { formatClock, formatDateTime } from "@/lib/format";

// Figures counted this long after the newest event are marked: the count is behind, not just a moment late.
const STALE_AFTER_SECONDS = 60;

/**
 * Under every card: the instant its figures describe (the request's), the newest event of what it covers, how long
 * after the request began its figures were ready, and when the background count is more than a minute behind, how
 * far: "as of 23:07:09 · newest call 23:06:58 · read in 12 ms · counting: 2 min behind". Sections stream on their
 * own, so each says its own read time; the page header, sent before them, says when the page was read.
 */
export async function AsOf({ covers }: { covers?: Covers }) {
  const clock = requestClock();
  const readMs = msSinceRequestStart();
  const freshness = getFreshness(clock);
  const t = await getTranslations("common");
  const locale = await getLocale();
  const newest = covers && freshness ? freshness.newest[covers] : null;
  const behind = freshness?.behindSeconds ?? null;
  const stale = behind !== null && behind > STALE_AFTER_SECONDS;
  return (
    <p className="mt-3 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      {t("freshness.asOf", {
        time: formatClock(clock.now, clock.zone),
        covers: newest === null ? "none" : (covers ?? "none"),
        newest: newest === null ? "" : formatDateTime(newest, clock.zone, locale),
      })}{" "}
      {t("freshness.readIn", { ms: readMs })}
      {stale ? (
        <strong className="ml-1 font-medium text-amber-700 dark:text-amber-400">
          {t("freshness.behind", { minutes: Math.floor(behind / 60) })}
        </strong>
      ) : null}
    </p>
  );
}
