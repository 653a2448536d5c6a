import { getLocale, getTranslations } from "next-intl/server";
import { endOtherSessionsAction, endSessionAction } from "@/app/(dashboard)/system/session-actions";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { appConfig } from "@/db";
import { formatDateTime } from "@/lib/format";
import { openSession } from "@/lib/server/operator";
import type { RequestClock } from "@/lib/read-context";
import { sessionStore } from "@/lib/server/session-store";

/** /system, for a signed-in operator: every open session, its last use, and a way to end any of them. */
export async function OperatorSessionsCard({ clock }: { clock: RequestClock }) {
  const config = appConfig();
  const mine = await openSession();
  if (!config.dashboardPassword || !mine) return null;
  const sessions = sessionStore(config).list(clock.now);
  const t = await getTranslations("system");
  const locale = await getLocale();
  return (
    <Card title={t("sessions.title")} caption={t("sessions.caption", { zone: clock.zone })}>
      <Table
        caption={t("sessions.tableCaption")}
        rows={sessions}
        rowKey={(s) => s.id}
        empty={t("sessions.empty")}
        columns={[
          {
            header: t("sessions.session"),
            cell: (s) => (
              <span className="font-mono text-xs">
                {s.id === mine.id ? t("sessions.thisOne", { id: s.id.slice(0, 6) }) : s.id.slice(0, 6)}
              </span>
            ),
          },
          { header: t("sessions.signedIn"), cell: (s) => formatDateTime(s.createdAt, clock.zone, locale) },
          { header: t("sessions.lastUse"), cell: (s) => formatDateTime(s.lastUsedAt, clock.zone, locale) },
          { header: t("sessions.from"), cell: (s) => <span className="font-mono text-xs">{s.client}</span> },
          {
            header: t("sessions.browser"),
            cell: (s) => (
              <span className="line-clamp-1 max-w-64 text-xs" title={s.userAgent}>
                {s.userAgent || "—"}
              </span>
            ),
          },
          {
            header: t("sessions.end"),
            cell: (s) =>
              s.id === mine.id ? (
                "—"
              ) : (
                <form action={endSessionAction}>
                  <input type="hidden" name="session" value={s.id} />
                  <button
                    type="submit"
                    className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    aria-label={t("sessions.endOne", { id: s.id.slice(0, 6) })}
                  >
                    {t("sessions.end")}
                  </button>
                </form>
              ),
          },
        ]}
      />
      {sessions.length > 1 ? (
        <form action={endOtherSessionsAction} className="mt-3">
          <button
            type="submit"
            className="rounded-md border border-rose-300 px-3 py-1.5 text-sm text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950"
          >
            {t("sessions.endOthers")}
          </button>
        </form>
      ) : null}
    </Card>
  );
}
