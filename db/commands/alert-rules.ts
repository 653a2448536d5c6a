import "server-only";
import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { databaseProblem, writableDatabase } from "@/db";
import { agentDeskAlertRules, agentDeskAlertSilences, agentDeskAlertStates } from "@/db/schema";
import type { Say } from "@/lib/say";
import { readRuleForm } from "./alert-rule-input";

export type AlertCommandOutcome =
  { ok: true; id?: number } | { ok: false; error?: string; fieldErrors?: Partial<Record<string, string>> };

type Form = Parameters<typeof readRuleForm>[0];
type Writer = ReturnType<typeof writableDatabase>["db"];

/** Why nothing can be written now (the file missing, read-only, full), in `say`'s words; null when it can. */
export function refusedByFile(say: Say): string | null {
  const problem = databaseProblem();
  return problem ? say({ key: "nothingRecorded", values: { why: { key: `database.${problem.kind}` } } }) : null;
}

/**
 * An alert command's writes, in one short immediate transaction on the operator's connection; or, when the file
 * takes no writes now (missing, read-only, full), why nothing was recorded, in `say`'s words.
 */
export function writeAlertChange(
  say: Say,
  work: (db: Writer, sqlite: Database.Database) => AlertCommandOutcome,
): AlertCommandOutcome {
  const refused = refusedByFile(say);
  if (refused) return { ok: false, error: refused };
  const { db, sqlite } = writableDatabase();
  return sqlite.transaction(() => work(db, sqlite)).immediate();
}

/**
 * Adds a rule, or changes one (`id`): its kind, name, thresholds and repeat interval as the rule form sent them. A
 * changed rule's firing instances are measured against the new thresholds at the next round, and resolve (saying
 * so) if they no longer hold.
 */
export function saveRule(id: number | null, form: Form, actor: string, say: Say): AlertCommandOutcome {
  const read = readRuleForm(form, say);
  if (!read.ok) return { ok: false, fieldErrors: read.errors };
  const values = {
    kind: read.rule.kind,
    name: read.rule.name,
    params: JSON.stringify(read.rule.params),
    repeatMinutes: read.rule.repeatMinutes,
    updatedBy: actor,
    updatedAt: new Date().toISOString().slice(0, 19).replace("T", " "),
  };
  return writeAlertChange(say, (db) => {
    if (id === null) {
      const row = db.insert(agentDeskAlertRules).values(values).returning({ id: agentDeskAlertRules.id }).get();
      return { ok: true, id: row.id };
    }
    const before = db.select().from(agentDeskAlertRules).where(eq(agentDeskAlertRules.id, id)).get();
    if (!before) return { ok: false, error: say({ key: "rule.gone" }) };
    if (before.kind === values.kind) {
      db.update(agentDeskAlertRules).set(values).where(eq(agentDeskAlertRules.id, id)).run();
      return { ok: true, id };
    }
    // Another kind watches other things: the old kind's instances are forgotten without a message, and the new kind
    // takes its first look again (a notice rule then announces nothing that already happened).
    db.update(agentDeskAlertRules)
      .set({ ...values, evaluatedAt: null })
      .where(eq(agentDeskAlertRules.id, id))
      .run();
    db.delete(agentDeskAlertStates).where(eq(agentDeskAlertStates.ruleId, id)).run();
    return { ok: true, id };
  });
}

/**
 * Turns a rule on or off. Off, its instances are forgotten without a message (nobody is watching it any more); on
 * again, it takes its first look anew.
 */
export function setRuleEnabled(id: number, enabled: boolean, actor: string, say: Say): AlertCommandOutcome {
  return writeAlertChange(say, (db) => {
    const changed = db
      .update(agentDeskAlertRules)
      .set({ enabled: enabled ? 1 : 0, updatedBy: actor, evaluatedAt: null })
      .where(eq(agentDeskAlertRules.id, id))
      .run().changes;
    if (changed === 0) return { ok: false, error: say({ key: "rule.gone" }) };
    if (!enabled) db.delete(agentDeskAlertStates).where(eq(agentDeskAlertStates.ruleId, id)).run();
    return { ok: true, id };
  });
}

/** Deletes a rule with its states and silences; its history stays (each event keeps the rule as it was). */
export function deleteRule(id: number, say: Say): AlertCommandOutcome {
  return writeAlertChange(say, (db) => {
    if (db.delete(agentDeskAlertRules).where(eq(agentDeskAlertRules.id, id)).run().changes === 0)
      return { ok: false, error: say({ key: "rule.gone" }) };
    db.delete(agentDeskAlertStates).where(eq(agentDeskAlertStates.ruleId, id)).run();
    db.delete(agentDeskAlertSilences).where(eq(agentDeskAlertSilences.ruleId, id)).run();
    return { ok: true };
  });
}
