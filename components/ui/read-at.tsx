import { getTranslations } from "next-intl/server";
import { requestClock } from "@/db/queries/request-clock";
import { formatClock } from "@/lib/format";

/** Under a page's title: the instant every figure on it describes, on the data zone's clock. */
export async function ReadAt() {
  const clock = requestClock();
  const t = await getTranslations("common");
  return (
    <p className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      {t("freshness.readAt", { time: formatClock(clock.now, clock.zone), zone: clock.zone })}
    </p>
  );
}
