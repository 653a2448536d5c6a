import { randomUUID } from "node:crypto";
import Link from "next/link";
import { SwapFilters } from "@/components/evolution/swap-filters";
import { RollbackButton } from "@/components/evolution/rollback-button";
import { SwapForm } from "@/components/evolution/swap-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { database } from "@/db";
import { planConfigChange } from "@/db/commands/agent-config-change";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { getEvolution, type JudgedSwap as Swap } from "@/db/queries/evolution";
import { requestClock } from "@/db/queries/request-clock";
import { PROVIDERS } from "@/db/schema/enums";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { formatDateTime, formatPercent, zoneLabel } from "@/lib/format";
import { readEvolutionSearch, type EvolutionSearch } from "./search-params";

export const metadata = { title: "Model swaps" };

export default async function EvolutionPage({ searchParams }: { searchParams: Promise<EvolutionSearch> }) {
  const clock = requestClock();
  const { filters, values, swap, filtered } = readEvolutionSearch(await searchParams, clock);
  const { config } = database();
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

  return (
    <>
      <PageHeader
        title="Model swaps"
        subtitle="Which model each agent runs, every change of model, how it worked out, and the manual swap form"
      />
      <div className="space-y-6">
        <Card title="Timeline" caption={`newest first · times in ${zoneLabel(clock.zone)}`}>
          <div className="mb-3">
            <SwapFilters agents={agentNames} values={values} />
          </div>
          <Table
            caption="Model swaps, newest first"
            rows={swaps}
            rowKey={(s) => s.id}
            empty={
              filtered
                ? "No swap matches these filters."
                : "No model swaps recorded: they appear when the reflection loop or an operator changes an agent's model."
            }
            columns={[
              {
                header: "When",
                cell: (s) => (
                  <span>
                    {formatDateTime(s.atMs, clock.zone)}
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">#{s.id}</span>
                  </span>
                ),
              },
              {
                header: "Agent and change",
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
                      <span className="ml-1 text-xs text-amber-800 dark:text-amber-300">undoes #{s.rollbackOf}</span>
                    ) : null}
                    <Reason swap={s} />
                  </div>
                ),
              },
              {
                header: "Triggered by",
                cell: (s) => (
                  <span>
                    {s.triggeredBy}
                    {s.recordedBy ? (
                      <span className="block text-xs text-zinc-500 dark:text-zinc-400">{s.recordedBy.actor}</span>
                    ) : null}
                  </span>
                ),
              },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
              {
                header: "Expected → realized",
                numeric: true,
                cell: (s) =>
                  `${formatPercent(s.performanceImprovement * 100, 0)} → ${s.realizedImprovement === null ? "—" : formatPercent(s.realizedImprovement * 100, 0)}`,
              },
              { header: "Window", cell: (s) => <WindowProgress swap={s} /> },
              {
                header: "Action",
                cell: (s) =>
                  s.canRollBack ? (
                    <RollbackButton swapId={s.id} changes={rollbackChanges(s)} requestId={randomUUID()} />
                  ) : null,
              },
            ]}
          />
        </Card>

        <div id="swap-form" className="scroll-mt-32 md:scroll-mt-4">
          <Card
            title="Record a manual swap"
            caption="the old model is the agent's current one; triggered_by is set to manual"
          >
            <SwapForm
              key={swap ?? ""}
              agents={agentNames.map((name) => ({ name, ...mapping[name]! }))}
              providers={PROVIDERS}
              models={knownModels}
              requestId={randomUUID()}
              agent={swap && mapping[swap] ? swap : undefined}
            />
            <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
              {config.agentConfigIsTradingSystems
                ? `Takes effect through the trading system's config (${config.agentConfigPath}): only the agent's provider and model are rewritten there.`
                : "AGENT_CONFIG_PATH is not set: the swap is recorded, and the trading system's config must be changed by hand."}
            </p>
          </Card>
        </div>

        <Card title="How a swap is judged">
          <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
            <li>
              The validation window is the swap&apos;s validation period, from the first whole hour after the swap; it
              is compared with the same span just before the swap&apos;s hour.
            </li>
            <li>
              Score: for an agent that takes part in trades, its contribution-weighted 7-day PnL per trade; for any
              other agent, its LLM success rate.
            </li>
            <li>
              Realized improvement: (after − before) / |before|, from −100 % to +100 %, comparable with the expected
              improvement and the rollback threshold.
            </li>
            <li>
              validating while the window runs; then breached below the rollback threshold, passed otherwise, or
              inconclusive with fewer than 5 trades with known PnL and fewer than {agentConfig.minRequestsForEvaluation}{" "}
              LLM calls in a window; superseded once a later swap replaced it; rolled back once undone.
            </li>
            <li>
              {config.autoRollback
                ? "AUTO_ROLLBACK is on: Agent Desk rolls a breached swap back by itself, once (triggered_by automatic)."
                : "AUTO_ROLLBACK is off: a breached swap waits for an operator's Roll back."}
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}

/** Exactly what rolling `swap` back changes, shown before `Confirm rollback`. */
function rollbackChanges(swap: Swap): string[] {
  const { config } = database();
  const change = planConfigChange(config, swap.agentName, { provider: swap.oldProvider, model: swap.oldModel });
  return [
    `put ${swap.agentName} back from ${swap.newProvider} ${swap.newModel} to ${swap.oldProvider} ${swap.oldModel}`,
    `record a new swap (manual, undoing #${swap.id}); #${swap.id} shows as rolled back`,
    change.note === null
      ? `rewrite ${swap.agentName}'s provider (${swap.newProvider} → ${swap.oldProvider}) and model (${swap.newModel} → ${swap.oldModel}) in ${config.agentConfigPath}, nothing else`
      : `leave the config file alone: ${change.note}`,
  ];
}

function WindowProgress({ swap }: { swap: Swap }) {
  const progress = swap.validation.progress ?? 1;
  const days = swap.validationPeriodDays ?? 7;
  return (
    <div className="w-20" title={swap.validation.windowEnd ? `window ends ${swap.validation.windowEnd}` : undefined}>
      <div
        className="h-1.5 rounded bg-zinc-200 dark:bg-zinc-700"
        role="progressbar"
        aria-label={`Validation window of swap #${swap.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <div className="h-1.5 rounded bg-sky-600" style={{ width: `${progress * 100}%` }} />
      </div>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        {progress >= 1 ? `${days} d, done` : `day ${Math.max(1, Math.ceil(progress * days))} of ${days}`}
      </span>
    </div>
  );
}

function Reason({ swap }: { swap: Swap }) {
  const note =
    swap.recordedBy && !swap.recordedBy.configWritten ? `Config not changed: ${swap.recordedBy.configNote}` : null;
  return (
    <div className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
      <p className="line-clamp-2" title={swap.reason}>
        {swap.reason}
      </p>
      {note ? <p className="mt-1 text-amber-800 dark:text-amber-300">{note}</p> : null}
    </div>
  );
}
