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
  return (
    <Card
      title="Operator sessions"
      caption={`each ends after 12 h, at sign-out, here, or when DASHBOARD_PASSWORD changes · times in ${clock.zone}`}
    >
      <Table
        caption="Open operator sessions"
        rows={sessions}
        rowKey={(s) => s.id}
        empty="No open sessions."
        columns={[
          {
            header: "Session",
            cell: (s) => (
              <span className="font-mono text-xs">
                {s.id.slice(0, 6)}
                {s.id === mine.id ? " (this one)" : ""}
              </span>
            ),
          },
          { header: "Signed in", cell: (s) => formatDateTime(s.createdAt, clock.zone) },
          { header: "Last use", cell: (s) => formatDateTime(s.lastUsedAt, clock.zone) },
          { header: "From", cell: (s) => <span className="font-mono text-xs">{s.client}</span> },
          {
            header: "Browser",
            cell: (s) => (
              <span className="line-clamp-1 max-w-64 text-xs" title={s.userAgent}>
                {s.userAgent || "—"}
              </span>
            ),
          },
          {
            header: "End",
            cell: (s) =>
              s.id === mine.id ? (
                "—"
              ) : (
                <form action={endSessionAction}>
                  <input type="hidden" name="session" value={s.id} />
                  <button
                    type="submit"
                    className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    aria-label={`End session ${s.id.slice(0, 6)}`}
                  >
                    End
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
            End every other session
          </button>
        </form>
      ) : null}
    </Card>
  );
}
