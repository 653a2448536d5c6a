import { randomUUID } from "node:crypto";
import Link from "next/link";
import { NextIntlClientProvider, useLocale, useTranslations } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { IntervalPlot } from "@/components/evolution/interval-plot";
import { SwapFilters } from "@/components/evolution/swap-filters";
import { RollbackButton } from "@/components/evolution/rollback-button";
import { SwapForm } from "@/components/evolution/swap-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { database, OWN_FILE } from "@/db";
import { RecordedCentrally } from "@/components/fleet/recorded-centrally";
import { planConfigChange } from "@/db/commands/agent-config-change";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { getEvolution, type JudgedSwap as Swap } from "@/db/queries/evolution";
import { pageClock } from "@/db/queries/page-clock";
import { getSwapCostBasis } from "@/db/queries/swap-cost-basis";
import { PROVIDERS } from "@/db/schema/enums";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { swapFormPrices } from "@/lib/server/llm-prices";
import { formatDateTime, formatPercent, zoneLabel } from "@/lib/format";
import { MIN_TRADES } from "@/lib/swap-verdict";
import { PAGE_CLIENT_MESSAGES, pickMessages } from "@/messages/catalogue";
import { readEvolutionSearch, type EvolutionSearch } from "../search-params";

export async function generateMetadata() {
  const t = await getTranslations("evolution");
  return { title: t("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"evolution">>>;

export default async function EvolutionPage({ searchParams }: { searchParams: Promise<EvolutionSearch> }) {
  const t = await getTranslations("evolution");
  const locale = await getLocale();
  const clock = await pageClock(searchParams);
  const { filters, values, swap, swapModel, filtered } = readEvolutionSearch(await searchParams, clock);
  const { config } = database(clock);
  const mapping = getAgentMapping(clock);
  const agentConfig = loadAgentConfig(config.agentConfigPath);
  const swaps = getEvolution(clock, filters);
  const agentNames = Object.keys(mapping).sort();
  const knownModels = [
    ...new Set([
      ...Object.values(agentConfig.agents).map((a) => a.model),
      ...Object.values(mapping).map((m) => m.model),
    ]),
  ].sort();

  // The swap form, its cost panel and the rollbacks format their words in the browser: theirs come with this page.
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), PAGE_CLIENT_MESSAGES.evolution)}>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="space-y-6">
        <Card title={t("timeline.title")} caption={t("timeline.caption", { zone: zoneLabel(clock.zone, clock.now) })}>
          <div className="mb-3">
            <SwapFilters agents={agentNames} values={values} />
          </div>
          <Table
            caption={t("timeline.tableCaption")}
            rows={swaps}
            rowKey={(s) => s.id}
            empty={filtered ? t("timeline.emptyFiltered") : t("timeline.empty")}
            columns={[
              {
                header: t("timeline.when"),
                cell: (s) => (
                  <span>
                    {formatDateTime(s.atMs, clock.zone, locale)}
                    <Link
                      href={`/evolution/${s.id}`}
                      className="block text-xs text-emerald-700 hover:underline dark:text-emerald-400"
                    >
                      #{s.id}
                    </Link>
                  </span>
                ),
              },
              {
                header: t("timeline.agentAndChange"),
                cell: (s) => (
                  <div className="max-w-xs whitespace-normal">
                    <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(s.agentName)}`}>
                      {s.agentName}
                    </Link>{" "}
                    <span className="whitespace-nowrap">
                      {s.oldProvider} {s.oldModel} →{" "}
                      <strong className="font-semibold">
                        {s.newProvider} {s.newModel}
                      </strong>
                    </span>
                    {s.rollbackOf !== null ? (
                      <span className="ml-1 text-xs text-amber-800 dark:text-amber-300">
                        {t("timeline.undoes", { id: s.rollbackOf })}
                      </span>
                    ) : null}
                    <Reason swap={s} />
                  </div>
                ),
              },
              {
                header: t("timeline.triggeredBy"),
                cell: (s) => (
                  <span>
                    {s.triggeredBy}
                    {s.recordedBy ? (
                      <span className="block text-xs text-zinc-500 dark:text-zinc-400">{s.recordedBy.actor}</span>
                    ) : null}
                  </span>
                ),
              },
              { header: t("timeline.status"), cell: (s) => <StatusBadge status={s.status} /> },
              {
                header: t("timeline.expectedRealized"),
                numeric: true,
                figure: "swapImprovement",
                // The contract's words first ("10 % → −20 %"), then the estimate on its interval against the threshold.
                cell: (s) => (
                  <>
                    {`${formatPercent(s.performanceImprovement * 100, locale, 0)} → ${s.realizedImprovement === null ? "—" : formatPercent(s.realizedImprovement * 100, locale, 0)}`}
                    <VerdictCell swap={s} />
                  </>
                ),
                text: (s) =>
                  `${s.performanceImprovement} → ${s.realizedImprovement ?? ""}${s.realizedInterval ? ` (${s.realizedInterval.join(" … ")})` : ""}`,
              },
              { header: t("timeline.window"), figure: "validationWindow", cell: (s) => <WindowProgress swap={s} /> },
              {
                header: t("timeline.action"),
                cell: (s) =>
                  // A system's page on a central desk: its rollbacks are recorded on the fleet page (below).
                  s.canRollBack && !clock.system ? (
                    <RollbackButton swapId={s.id} changes={rollbackChanges(s, t)} requestId={randomUUID()} />
                  ) : null,
              },
            ]}
          />
        </Card>

        <div id="swap-form" className="scroll-mt-32 md:scroll-mt-4">
          <Card title={t("form.title")} caption={t("form.caption")}>
            {clock.system ? (
              <RecordedCentrally system={clock.system} />
            ) : (
              <>
                <SwapForm
                  key={`${swap ?? ""} ${swapModel ?? ""}`}
                  agents={agentNames.map((name) => ({ name, ...mapping[name]! }))}
                  providers={PROVIDERS}
                  models={knownModels}
                  requestId={randomUUID()}
                  agent={swap && mapping[swap] ? swap : undefined}
                  model={swapModel?.slice(0, 200)}
                  costBasis={getSwapCostBasis(clock)}
                  prices={swapFormPrices(config.llmPricesPath)}
                />
                <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
                  {config.agentConfigIsTradingSystems
                    ? t("form.configByFile", { path: config.agentConfigPath })
                    : t("form.configByHand")}
                </p>
              </>
            )}
          </Card>
        </div>

        <Card title={t("judged.title")}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            <li>{t("judged.window")}</li>
            <li>{t("judged.score")}</li>
            <li>{t("judged.realized")}</li>
            <li>
              {t("judged.statuses", { minTrades: MIN_TRADES, minRequests: agentConfig.minRequestsForEvaluation })}
            </li>
            <li>{config.autoRollback ? t("judged.autoRollbackOn") : t("judged.autoRollbackOff")}</li>
          </ul>
        </Card>
      </div>
    </NextIntlClientProvider>
  );
}

/** Exactly what rolling `swap` back changes, shown before `Confirm rollback`. */
function rollbackChanges(swap: Swap, t: Translate): string[] {
  const { config } = database(OWN_FILE);
  const change = planConfigChange(config, swap.agentName, { provider: swap.oldProvider, model: swap.oldModel });
  const models = {
    agent: swap.agentName,
    oldProvider: swap.oldProvider,
    oldModel: swap.oldModel,
    newProvider: swap.newProvider,
    newModel: swap.newModel,
  };
  return [
    t("rollback.changes.putBack", models),
    t("rollback.changes.record", { id: swap.id }),
    change.note === null
      ? t("rollback.changes.rewrite", { ...models, path: config.agentConfigPath })
      : t("rollback.changes.leaveAlone", { note: change.note }),
  ];
}

/** The swap's estimate on its interval against its threshold (a forest plot's row) and the interval in numbers. */
function VerdictCell({ swap }: { swap: Swap }) {
  const t = useTranslations("evolution");
  const locale = useLocale();
  const estimate = swap.verdict.estimate;
  if (!estimate) return null;
  const percent = (v: number) => formatPercent(v * 100, locale, 0);
  return (
    <Link
      href={`/evolution/${swap.id}`}
      aria-label={t("timeline.intervalLink", { id: swap.id })}
      className="mt-1 flex flex-col items-end hover:underline"
    >
      <IntervalPlot
        value={estimate.value}
        low={estimate.low}
        high={estimate.high}
        threshold={swap.rollbackThreshold ?? -0.1}
      />
      <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-300">
        {t("timeline.interval", {
          value: percent(estimate.value),
          low: percent(estimate.low),
          high: percent(estimate.high),
        })}
      </span>
    </Link>
  );
}

function WindowProgress({ swap }: { swap: Swap }) {
  const t = useTranslations("evolution");
  const progress = swap.validation.progress ?? 1;
  const days = swap.validationPeriodDays ?? 7;
  return (
    <div
      className="w-20"
      title={swap.validation.windowEnd ? t("timeline.windowEnds", { end: swap.validation.windowEnd }) : undefined}
    >
      <div
        className="h-1.5 rounded bg-zinc-200 dark:bg-zinc-700"
        role="progressbar"
        aria-label={t("timeline.windowLabel", { id: swap.id })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <div className="h-1.5 rounded bg-sky-600" style={{ width: `${progress * 100}%` }} />
      </div>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        {progress >= 1
          ? t("timeline.windowDone", { days })
          : t("timeline.windowDay", { day: Math.max(1, Math.ceil(progress * days)), days })}
      </span>
    </div>
  );
}

function Reason({ swap }: { swap: Swap }) {
  const t = useTranslations("evolution");
  const note =
    swap.recordedBy && !swap.recordedBy.configWritten
      ? t("timeline.configNotChanged", { note: String(swap.recordedBy.configNote) })
      : null;
  return (
    <div className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
      <p className="line-clamp-2" title={swap.reason}>
        {swap.reason}
      </p>
      {note ? <p className="mt-1 text-amber-800 dark:text-amber-300">{note}</p> : null}
    </div>
  );
}
