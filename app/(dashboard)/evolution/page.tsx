import { randomUUID } from "node:crypto";
import Link from "next/link";
import { SwapFilters, type SwapFilterValues } from "@/components/evolution/swap-filters";
import { RollbackButton } from "@/components/evolution/rollback-button";
import { SwapForm } from "@/components/evolution/swap-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { database } from "@/db";
import { planConfigChange } from "@/db/commands/agent-config-change";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { getEvolution } from "@/db/queries/evolution";
import { PROVIDERS } from "@/db/schema/enums";
import { loadAgentConfig } from "@/lib/agent-config";
import { parseEventTime } from "@/lib/event-time";
import { formatDateTime, formatPercent, zoneLabel } from "@/lib/format";

export const metadata = { title: "Model swaps" };

type Swap = ReturnType<typeof getEvolution>[number];

export default async function EvolutionPage({ searchParams }: { searchParams: Promise<SwapFilterValues & { swap?: string }> }) {
  const filters = await searchParams;
  const { config } = database();
  const zone = config.dataTimeZone;
  const { agents: mapping } = getAgentMapping();
  const agentConfig = loadAgentConfig(config.agentConfigPath);
  const days = Number(filters.days);
  const swaps = getEvolution({
    agent: filters.agent || undefined,
    trigger: filters.trigger || undefined,
    status: filters.status || undefined,
    days: Number.isInteger(days) && days > 0 ? days : undefined,
  });
  const agentNames = Object.keys(mapping).sort();
  const knownModels = [...new Set([...Object.values(agentConfig.agents).map((a) => a.model), ...Object.values(mapping).map((m) => m.model)])].sort();

  return (
    <>
      <PageHeader title="Model swaps" subtitle="Which model each agent runs, every change of model, how it worked out, and the manual swap form" />
      <div className="space-y-6">
        <Card title="Timeline" caption={`newest first · times in ${zoneLabel(zone)}`}>
          <div className="mb-3">
            <SwapFilters agents={agentNames} values={filters} />
          </div>
          <Table
            caption="Model swaps, newest first"
            rows={swaps}
            rowKey={(s) => s.id}
            empty={
              Object.values(filters).some(Boolean)
                ? "No swap matches these filters."
                : "No model swaps recorded: they appear when the reflection loop or an operator changes an agent's model."
            }
            columns={[
              {
                header: "When",
                cell: (s) => (
                  <span>
                    {formatDateTime(parseEventTime(s.timestamp, zone), zone)}
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">#{s.id}</span>
                  </span>
                ),
              },
              {
                header: "Agent and change",
                cell: (s) => (
                  <div className="max-w-xs whitespace-normal">
                    <Link className="font-medium hover:underline" href={`/agents/${encodeURIComponent(s.agent_name)}`}>{s.agent_name}</Link>{" "}
                    <span className="whitespace-nowrap">{s.old_provider} {s.old_model} → <strong className="font-semibold">{s.new_provider} {s.new_model}</strong></span>
                    {s.rollback_of !== null ? <span className="ml-1 text-xs text-amber-800 dark:text-amber-300">undoes #{s.rollback_of}</span> : null}
                    <Reason swap={s} />
                  </div>
                ),
              },
              { header: "Triggered by", cell: (s) => <span>{s.triggered_by}{s.recorded_by ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{s.recorded_by.actor}</span> : null}</span> },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
              {
                header: "Expected → realized",
                numeric: true,
                cell: (s) => `${formatPercent(s.performance_improvement * 100, 0)} → ${s.realized_improvement === null ? "—" : formatPercent(s.realized_improvement * 100, 0)}`,
              },
              { header: "Window", cell: (s) => <WindowProgress swap={s} /> },
              { header: "Action", cell: (s) => (s.can_roll_back ? <RollbackButton swapId={s.id} changes={rollbackChanges(s)} requestId={randomUUID()} /> : null) },
            ]}
          />
        </Card>

        <div id="swap-form" className="scroll-mt-32 md:scroll-mt-4">
          <Card title="Record a manual swap" caption="the old model is the agent's current one; triggered_by is set to manual">
            <SwapForm
              key={filters.swap ?? ""}
              agents={agentNames.map((name) => ({ name, ...mapping[name]! }))}
              providers={PROVIDERS}
              models={knownModels}
              requestId={randomUUID()}
              agent={filters.swap && mapping[filters.swap] ? filters.swap : undefined}
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
            <li>The validation window is the swap&apos;s validation period, from the first whole hour after the swap; it is compared with the same span just before the swap&apos;s hour.</li>
            <li>Score: for an agent that takes part in trades, its contribution-weighted 7-day PnL per trade; for any other agent, its LLM success rate.</li>
            <li>Realized improvement: (after − before) / |before|, from −100 % to +100 %, comparable with the expected improvement and the rollback threshold.</li>
            <li>validating while the window runs; then breached below the rollback threshold, passed otherwise, or inconclusive with fewer than 5 trades with known PnL and fewer than {agentConfig.minRequestsForEvaluation} LLM calls in a window; superseded once a later swap replaced it; rolled back once undone.</li>
            <li>{config.autoRollback ? "AUTO_ROLLBACK is on: Agent Desk rolls a breached swap back by itself, once (triggered_by automatic)." : "AUTO_ROLLBACK is off: a breached swap waits for an operator's Roll back."}</li>
          </ul>
        </Card>
      </div>
    </>
  );
}

/** Exactly what rolling `swap` back changes, shown before `Confirm rollback`. */
function rollbackChanges(swap: Swap): string[] {
  const { config } = database();
  const change = planConfigChange(config, swap.agent_name, { provider: swap.old_provider, model: swap.old_model });
  return [
    `put ${swap.agent_name} back from ${swap.new_provider} ${swap.new_model} to ${swap.old_provider} ${swap.old_model}`,
    `record a new swap (manual, undoing #${swap.id}); #${swap.id} shows as rolled back`,
    change.note === null
      ? `rewrite ${swap.agent_name}'s provider (${swap.new_provider} → ${swap.old_provider}) and model (${swap.new_model} → ${swap.old_model}) in ${config.agentConfigPath}, nothing else`
      : `leave the config file alone: ${change.note}`,
  ];
}

function WindowProgress({ swap }: { swap: Swap }) {
  const progress = swap.validation.progress ?? 1;
  const days = swap.validation_period_days ?? 7;
  return (
    <div className="w-20" title={swap.validation.window_end ? `window ends ${swap.validation.window_end}` : undefined}>
      <div className="h-1.5 rounded bg-zinc-200 dark:bg-zinc-700" role="progressbar" aria-label={`Validation window of swap #${swap.id}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
        <div className="h-1.5 rounded bg-sky-600" style={{ width: `${progress * 100}%` }} />
      </div>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">{progress >= 1 ? `${days} d, done` : `day ${Math.max(1, Math.ceil(progress * days))} of ${days}`}</span>
    </div>
  );
}

function Reason({ swap }: { swap: Swap }) {
  const note = swap.recorded_by && !swap.recorded_by.config_written ? `Config not changed: ${swap.recorded_by.config_note}` : null;
  return (
    <div className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
      <p className="line-clamp-2" title={swap.reason}>{swap.reason}</p>
      {note ? <p className="mt-1 text-amber-800 dark:text-amber-300">{note}</p> : null}
    </div>
  );
}
