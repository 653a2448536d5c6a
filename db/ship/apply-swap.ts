import fs from "node:fs";
import "server-only";
import type { SwapRequest } from "@/db/central/swap-requests";
import { recordSwap, rollbackSwap, type SwapOutcome } from "@/db/commands/model-swaps";
import { sayInEnglish, type Say } from "@/lib/say";
import { loadAgentConfig } from "@/lib/server/agent-config";

// A swap or rollback recorded on the central desk, applied to this trading system exactly as a local one: the
// model_evolution_history row and the in-place edit of its YAML, by the same command (db/commands/model-swaps.ts).
// The central request id is the command's idempotency key, so applying a request twice (the shipper died before
// its acknowledgement arrived) finds the first swap instead of recording another.

// Refusals that say the file could not be written now (busy, read-only, full, missing): the request waits and is
// tried again, instead of being reported to the operator as refused.
const NOT_NOW = new Set(["failure.busy", "failure.readOnly", "failure.diskFull", "nothingRecorded"]);

export function applySwapRequest(request: SwapRequest): { outcome: string; historyId: number | null; retry: boolean } {
  const actor = { name: `central desk (${request.requestedBy})`, trigger: "manual" as const };
  const english = sayInEnglish("evolution");
  let notNow = false;
  const say: Say = (said) => {
    if (NOT_NOW.has(said.key)) notNow = true;
    return english(said);
  };
  let result: SwapOutcome;
  if (request.kind === "swap") {
    result = recordSwap(
      {
        agent: request.agentName,
        provider: request.newProvider,
        model: request.newModel,
        reason: request.reason,
        expectedImprovement: request.performanceImprovement,
        validationDays: request.validationPeriodDays,
        rollbackThreshold: request.rollbackThreshold,
        requestId: request.requestId,
      },
      actor,
      say,
    );
  } else {
    result = rollbackSwap(request.rollbackOf ?? 0, actor, { requestId: request.requestId, note: request.reason }, say);
  }
  if (!result.ok) {
    const fields = Object.entries(result.fieldErrors ?? {}).map(([field, problem]) => `${field}: ${problem}`);
    return { outcome: `refused: ${[result.error, ...fields].join("; ")}`, historyId: null, retry: notNow };
  }
  return {
    outcome: `applied: ${result.agent} ${result.from} → ${result.to}${result.configWritten ? "" : ` (config: ${result.configNote})`}`,
    historyId: result.id,
    retry: false,
  };
}

/**
 * The agent config at `file` as a batch carries it: its spending limits (its defaults where it says none) and its
 * text, checked first (a config the local desk could not read is not sent).
 */
export function configForBatch(file: string) {
  const text = fs.readFileSync(file, "utf8");
  const config = loadAgentConfig(file);
  return {
    limits: {
      cost_limit_daily: config.costLimitDaily,
      cost_limit_weekly: config.costLimitWeekly,
      cost_alert_threshold: config.costAlertThreshold,
    },
    agent_config: text,
  };
}
