import { randomBytes } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { requestCentralSwapAction } from "@/app/(dashboard)/fleet/actions";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { SwapRequestStatus } from "@/db/central/swap-requests";
import { PROVIDERS } from "@/db/schema/enums";
import { formatDateTime } from "@/lib/format";

const FIELD = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const LABEL = "flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-300";

/**
 * One system's swaps recorded on this desk, waiting for its shipper or applied (with what the trading host said),
 * and the form to record another. A plain form (a server action, no script): phones and slow links can use it.
 */
export async function CentralSwaps({
  system,
  agents,
  requests,
  requested,
  invalid,
  zone,
}: {
  system: string;
  agents: string[];
  requests: SwapRequestStatus[];
  requested?: string;
  invalid: string[];
  zone: string;
}) {
  const t = await getTranslations("fleet");
  const locale = await getLocale();
  const at = (iso: string | null) => (iso ? formatDateTime(Date.parse(iso), zone, locale) : "—");
  return (
    <Card title={t("swaps.title", { system })} caption={t("swaps.caption")}>
      {requested ? (
        <p
          role="status"
          className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {t("swaps.recorded", { id: requested })}
        </p>
      ) : null}
      {invalid.length > 0 ? (
        <p
          role="alert"
          className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {invalid.includes("operator")
            ? t("swaps.notOperator")
            : t("swaps.invalid", { fields: invalid.map((f) => fieldName(t, f)).join(", ") })}
        </p>
      ) : null}
      <form id="swap-form" action={requestCentralSwapAction} className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <input type="hidden" name="system" value={system} />
        <input type="hidden" name="request_id" value={randomBytes(12).toString("base64url")} />
        <label className={LABEL}>
          {t("swaps.field.agent")}
          <select name="agent" required className={FIELD}>
            {agents.map((agent) => (
              <option key={agent}>{agent}</option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          {t("swaps.field.provider")}
          <select name="new_provider" required className={FIELD}>
            {PROVIDERS.map((provider) => (
              <option key={provider}>{provider}</option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          {t("swaps.field.model")}
          <input name="new_model" required maxLength={100} className={FIELD} />
        </label>
        <label className={LABEL}>
          {t("swaps.field.expectedImprovement")}
          <input
            name="expected_improvement"
            type="number"
            step="0.01"
            min="-1"
            max="1"
            defaultValue="0"
            className={FIELD}
          />
        </label>
        <label className={`${LABEL} sm:col-span-2`}>
          {t("swaps.field.reason")}
          <textarea name="reason" required maxLength={2000} rows={2} className={FIELD} />
        </label>
        <label className={LABEL}>
          {t("swaps.field.validationDays")}
          <input name="validation_period_days" type="number" min="1" max="90" defaultValue="7" className={FIELD} />
        </label>
        <label className={LABEL}>
          {t("swaps.field.rollbackThreshold")}
          <input
            name="rollback_threshold"
            type="number"
            step="0.01"
            min="-1"
            max="1"
            defaultValue="-0.1"
            className={FIELD}
          />
        </label>
        <div className="sm:col-span-2 lg:col-span-4">
          <button
            type="submit"
            className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800"
          >
            {t("swaps.submit", { system })}
          </button>
        </div>
      </form>
      <Table
        caption={t("swaps.tableCaption", { system })}
        rowKey={(r) => r.requestId}
        rows={requests}
        empty={t("swaps.empty")}
        columns={[
          { header: t("swaps.column.requestedAt"), cell: (r) => at(r.requestedAt) },
          { header: t("swaps.column.agent"), cell: (r) => r.agentName },
          {
            header: t("swaps.column.change"),
            cell: (r) =>
              r.kind === "swap" ? `${r.newProvider}/${r.newModel}` : t("swaps.rollbackOf", { id: r.rollbackOf ?? 0 }),
          },
          { header: t("swaps.column.by"), cell: (r) => r.requestedBy || "—" },
          {
            header: t("swaps.column.outcome"),
            wrap: true,
            cell: (r) =>
              r.appliedAt ? (
                <span>
                  {at(r.appliedAt)} · {r.outcome}
                </span>
              ) : (
                <span className="text-amber-800 dark:text-amber-300">{t("swaps.waiting")}</span>
              ),
          },
        ]}
      />
    </Card>
  );
}

const FIELDS = [
  "agent",
  "provider",
  "model",
  "reason",
  "expectedImprovement",
  "validationDays",
  "rollbackThreshold",
  "requestId",
] as const;

function fieldName(t: Awaited<ReturnType<typeof getTranslations<"fleet">>>, field: string): string {
  return (FIELDS as readonly string[]).includes(field) ? t(`swaps.field.${field as (typeof FIELDS)[number]}`) : field;
}
