import "server-only";
import { eq } from "drizzle-orm";
import { database, databaseProblem, OWN_FILE, writableDatabase } from "@/db";
import { agentDeskSwapAudit, modelEvolutionHistory } from "@/db/schema";
import { getAgentMapping } from "@/db/queries/agent-mapping";
import { clockNow } from "@/db/queries/request-clock";
import { getSwapLog } from "@/db/queries/swap-log";
import { linkSwaps } from "@/db/queries/swap-links";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { naiveIso } from "@/lib/event-time";
import { optionalFormText, REQUEST_ID } from "@/lib/form-text";
import { sayInEnglish, type Said, type Say } from "@/lib/say";
import { planConfigChange, type ConfigChange } from "./agent-config-change";
import { settleConfigJournals } from "./config-journal";
import { parseSwapInput, type FieldErrors } from "./swap-input";

export type SwapOutcome =
  | {
      ok: true;
      id: number;
      agent: string;
      from: string;
      to: string;
      configWritten: boolean;
      configNote: string | null;
      repeated: boolean;
    }
  | { ok: false; error: string; fieldErrors?: FieldErrors };

/** Who acted: the operator's session (or local mode), or Agent Desk itself for AUTO_ROLLBACK. */
export type Actor = { name: string; trigger: "manual" | "automatic" };

// The answers' words: the reader's, when a server action passes its `say`; English for anyone else.
const ENGLISH = sayInEnglish("evolution");

/**
 * Records a manual swap: the old model is the agent's current one on the server, triggered_by is 'manual', and the
 * row, its audit entry and the trading system's config change together in one short immediate transaction or not
 * at all. A request id already recorded (a double click, a retry) answers with the swap it recorded.
 */
export function recordSwap(values: unknown, actor: Actor, say: Say = ENGLISH): SwapOutcome {
  const problem = refusal(say);
  if (problem) return problem;
  const parsed = parseSwapInput(values, say);
  if (!parsed.ok) return { ok: false, error: say({ key: "swap.checkFields" }), fieldErrors: parsed.fieldErrors };
  const input = parsed.input;
  const { config } = database(OWN_FILE);
  const known = new Set([
    ...Object.keys(loadAgentConfig(config.agentConfigPath).agents),
    ...Object.keys(getAgentMapping(clockNow())),
  ]);
  if (!known.has(input.agent))
    return {
      ok: false,
      error: say({ key: "swap.checkFields" }),
      fieldErrors: { agent: say({ key: "swap.noAgent", values: { agent: input.agent } }) },
    };

  return write(actor, input.requestId, say, () => {
    const current = getAgentMapping(clockNow())[input.agent]!;
    if (current.provider === input.provider && current.model === input.model) {
      return {
        refused: {
          ok: false,
          error: say({ key: "swap.nothingToChange" }),
          fieldErrors: {
            model: say({
              key: "swap.alreadyRuns",
              values: { agent: input.agent, provider: input.provider, model: input.model },
            }),
          },
        },
      };
    }
    return {
      row: {
        agentName: input.agent,
        oldProvider: current.provider,
        oldModel: current.model,
        newProvider: input.provider,
        newModel: input.model,
        reason: input.reason,
        performanceImprovement: input.expectedImprovement,
        validationPeriodDays: input.validationDays,
        rollbackThreshold: input.rollbackThreshold,
      },
      rollbackOf: null,
    };
  });
}

// Optional, as the confirm dialog says. One line, as its input is: it ends the sentence that is the rollback's
// reason, and a line break would let it pass for a line of its own wherever the reason is printed line by line.
const rollbackNote = (say: Say) => optionalFormText({ label: { key: "field.note" }, max: 2000, lines: "one" }, say);

/**
 * Rolls back swap `id`: a new row with old and new swapped, linked to it. Only an agent's latest swap can be rolled
 * back, once, and not a rollback itself (going back again is a new swap). The note is checked here, as sent.
 */
export function rollbackSwap(
  id: number,
  actor: Actor,
  options: { requestId?: string; note?: unknown } = {},
  say: Say = ENGLISH,
): SwapOutcome {
  const problem = refusal(say);
  if (problem) return problem;
  const { requestId = null } = options;
  if (requestId !== null && !REQUEST_ID.test(requestId))
    return { ok: false, error: say({ key: "rollback.pageOutOfDate" }) };
  const parsed = rollbackNote(say).safeParse(options.note);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
  const note = parsed.data;
  return write(actor, requestId, say, () => {
    const log = getSwapLog(clockNow());
    const swap = log.find((s) => s.id === id);
    if (!swap) return { refused: { ok: false, error: say({ key: "rollback.noSwap", values: { id } }) } };
    const refusal = linkSwaps(OWN_FILE, log).whyNotRollBack(swap);
    if (refusal) return { refused: { ok: false, error: say(refusal) } };
    const why =
      actor.trigger === "automatic"
        ? "its validation window breached the rollback threshold (AUTO_ROLLBACK)"
        : (note ?? "rolled back by an operator");
    return {
      row: {
        agentName: swap.agentName,
        oldProvider: swap.newProvider,
        oldModel: swap.newModel,
        newProvider: swap.oldProvider,
        newModel: swap.oldModel,
        reason: `Rollback of swap #${id} (${swap.oldProvider} ${swap.oldModel} → ${swap.newProvider} ${swap.newModel}): ${why}`,
        performanceImprovement: 0,
        validationPeriodDays: swap.validationPeriodDays ?? 7,
        rollbackThreshold: swap.rollbackThreshold ?? -0.1,
      },
      rollbackOf: id,
    };
  });
}

type Planned =
  | { refused: SwapOutcome }
  | { row: Omit<typeof modelEvolutionHistory.$inferInsert, "timestamp" | "triggeredBy">; rollbackOf: number | null };

/** A missing or read-only file refuses every write up front, in words for the operator. */
function refusal(say: Say): SwapOutcome | null {
  const problem = databaseProblem();
  return problem
    ? { ok: false, error: say({ key: "nothingRecorded", values: { why: { key: `database.${problem.kind}` } } }) }
    : null;
}

function write(actor: Actor, requestId: string | null, say: Say, plan: () => Planned): SwapOutcome {
  const { db, sqlite, config } = writableDatabase();
  const written: { change?: Extract<ConfigChange, { note: null }> } = {}; // set in the transaction, read after it
  const transaction = sqlite.transaction((): SwapOutcome => {
    settleJournals(); // a swap killed after writing the config is put right before anything is decided
    if (requestId !== null) {
      const earlier = db.select().from(agentDeskSwapAudit).where(eq(agentDeskSwapAudit.requestId, requestId)).get();
      if (earlier) return repeated(earlier.evolutionId, earlier.configWritten === 1, earlier.configNote);
    }
    const planned = plan();
    if ("refused" in planned) return planned.refused;
    const { row } = planned;
    const change = planConfigChange(config, row.agentName, { provider: row.newProvider, model: row.newModel });
    if ("refused" in change) return { ok: false, error: say({ key: "nothingRecorded", values: { why: change.note } }) };
    const timestamp = naiveIso(Date.now(), config.dataTimeZone);
    const inserted = db
      .insert(modelEvolutionHistory)
      .values({ ...row, timestamp, triggeredBy: actor.trigger })
      .returning({ id: modelEvolutionHistory.id })
      .get();
    const note = change.note;
    db.insert(agentDeskSwapAudit)
      .values({
        evolutionId: inserted.id,
        actor: actor.name,
        rollbackOf: planned.rollbackOf,
        configWritten: note === null ? 1 : 0,
        configNote: note,
        requestId,
      })
      .run();
    if (change.note === null) {
      written.change = change;
      change.apply({ evolutionId: inserted.id, timestamp }); // throws: the transaction rolls back, nothing is recorded
    }
    return {
      ok: true,
      id: inserted.id,
      agent: row.agentName,
      from: `${row.oldProvider} ${row.oldModel}`,
      to: `${row.newProvider} ${row.newModel}`,
      configWritten: note === null,
      configNote: note,
      repeated: false,
    };
  });
  try {
    const outcome = transaction.immediate();
    written.change?.done();
    return outcome;
  } catch (error) {
    // The config may already be replaced: its journal puts it back (under the lock again, as at start).
    if (written.change) settleQuietly();
    return { ok: false, error: say({ key: "nothingRecorded", values: { why: describe(error) } }) };
  }
}

function repeated(id: number, configWritten: boolean, configNote: string | null): SwapOutcome {
  const swap = getSwapLog(clockNow()).find((s) => s.id === id)!;
  return {
    ok: true,
    id,
    agent: swap.agentName,
    from: `${swap.oldProvider} ${swap.oldModel}`,
    to: `${swap.newProvider} ${swap.newModel}`,
    configWritten,
    configNote,
    repeated: true,
  };
}

/**
 * At server start, before the trading system's next run reads its config: puts the config back where a swap was
 * killed between replacing it and committing (config-journal.ts). Every swap does this first too; this shortens the
 * time such a config stands unrecorded. Never throws; returns what it did, for the log.
 */
export function settleInterruptedSwaps(): string[] {
  if (databaseProblem()) return []; // nothing can be recorded either; the first swap once the file is back settles it
  try {
    return writableDatabase().sqlite.transaction(settleJournals).immediate();
  } catch (error) {
    return [
      `the agent config could not be checked for a swap cut short (${ENGLISH(describe(error))}); the next swap checks again`,
    ];
  }
}

/** Under the database's write lock, which every config write holds. */
function settleJournals(): string[] {
  const { db, config } = writableDatabase();
  return config.agentConfigIsTradingSystems ? settleConfigJournals(db, config.agentConfigPath) : [];
}

function settleQuietly(): void {
  try {
    writableDatabase().sqlite.transaction(settleJournals).immediate();
  } catch {
    // The swap's own error is the one to report; its journal stays, and the next start or swap settles it.
  }
}

function describe(error: unknown): Said {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "SQLITE_BUSY") return { key: "failure.busy" };
  if (code === "SQLITE_READONLY") return { key: "failure.readOnly" };
  if (code === "SQLITE_FULL" || code === "ENOSPC") return { key: "failure.diskFull" };
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return { key: "failure.configDenied" };
  if (code && /^E[A-Z]+$/.test(code)) return { key: "failure.configError", values: { code } };
  if (code === "SQLITE_CONSTRAINT_UNIQUE") return { key: "failure.sameMoment" };
  return { key: "failure.writeFailed" };
}
