import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { agentDeskAlertRules, agentDeskAlertSilences } from "@/db/schema";
import { formText, optionalFormText } from "@/lib/form-text";
import type { Say } from "@/lib/say";
import { writeAlertChange, type AlertCommandOutcome } from "./alert-rules";

type Form = { get(name: string): unknown };

// A silence lasts at least a minute and at most 90 days: long enough for a maintenance window, short enough that a
// forgotten one ends.
const MAX_HOURS = 90 * 24;

/**
 * Silences a rule (or one instance of it: an agent, a provider) from now for `hours`, with the operator's reason.
 * While it lasts nothing of it is sent; what still fires when it ends is sent then.
 */
export function addSilence(form: Form, actor: string, say: Say, now = Date.now()): AlertCommandOutcome {
  const fieldErrors: Record<string, string> = {};
  const ruleId = Number(form.get("rule_id"));
  const hours = Number(String(form.get("hours") ?? "").trim());
  if (!(hours >= 1 / 60 && hours <= MAX_HOURS))
    fieldErrors.hours = say({ key: "silence.hours", values: { max: MAX_HOURS } });
  const reason = formText({ label: { key: "field.silenceReason" }, max: 500, lines: "one" }, say).safeParse(
    form.get("reason") ?? "",
  );
  if (!reason.success) fieldErrors.reason = reason.error.issues[0]!.message;
  const instance = optionalFormText({ label: { key: "field.silenceInstance" }, max: 200, lines: "one" }, say).safeParse(
    form.get("instance") || undefined,
  );
  if (!instance.success) fieldErrors.instance = instance.error.issues[0]!.message;
  if (!Number.isSafeInteger(ruleId)) fieldErrors.rule_id = say({ key: "rule.gone" });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return writeAlertChange(say, (db) => {
    if (!db.select().from(agentDeskAlertRules).where(eq(agentDeskAlertRules.id, ruleId)).get())
      return { ok: false, fieldErrors: { rule_id: say({ key: "rule.gone" }) } };
    const row = db
      .insert(agentDeskAlertSilences)
      .values({
        ruleId,
        instance: instance.data ?? null,
        startsAt: now,
        endsAt: now + Math.round(hours * 3_600_000),
        reason: reason.data!,
        createdBy: actor,
      })
      .returning({ id: agentDeskAlertSilences.id })
      .get();
    return { ok: true, id: row.id };
  });
}

/** Ends a silence now; what it held back and still fires is sent at the next round. */
export function endSilence(id: number, say: Say, now = Date.now()): AlertCommandOutcome {
  return writeAlertChange(say, (db) => {
    const changed = db
      .update(agentDeskAlertSilences)
      .set({ endsAt: now })
      .where(and(eq(agentDeskAlertSilences.id, id), gt(agentDeskAlertSilences.endsAt, now)))
      .run().changes;
    return changed === 1 ? { ok: true } : { ok: false, error: say({ key: "silence.gone" }) };
  });
}
