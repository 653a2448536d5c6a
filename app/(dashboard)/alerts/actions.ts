"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { deleteChannel, saveChannel, sendTestMessage } from "@/db/commands/alert-channels";
import { deleteRule, saveRule, setRuleEnabled, type AlertCommandOutcome } from "@/db/commands/alert-rules";
import { addSilence, endSilence } from "@/db/commands/alert-silences";
import { sayWith, type Say } from "@/lib/say";
import { currentOperator } from "@/lib/server/operator";

// /alerts' forms: each checks the operator (and the request's origin), calls one command, and revalidates the page.
// A form's answer carries its field errors and what was typed (never a secret), in the reader's language.

export type AlertFormState = {
  outcome: AlertCommandOutcome | null;
  values: Record<string, string>;
};

async function readersWords(): Promise<Say> {
  const t = await getTranslations("alerts");
  return sayWith((key, values) => t(`says.${key}`, values));
}

/** The operator's name, or the reason they may not act, in the reader's words. */
async function operator(say: Say): Promise<{ name: string } | { error: string }> {
  const who = await currentOperator();
  return who.ok ? { name: who.name } : { error: say(who.error) };
}

const idOf = (form: FormData, name = "id"): number | null => {
  const id = Number(form.get(name));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/**
 * What the form sent, to put back after a refusal; never a secret nor an address (a Slack or Discord address is
 * itself the secret), which are typed again.
 */
const typed = (form: FormData) =>
  Object.fromEntries(
    [...form.keys()]
      .filter((key) => !key.startsWith("$") && key !== "secret" && key !== "url")
      .map((key) => [key, form.getAll(key).map(String).join(",").slice(0, 2000)]),
  );

async function run(form: FormData, command: (say: Say, actor: string) => AlertCommandOutcome): Promise<AlertFormState> {
  const say = await readersWords();
  const who = await operator(say);
  if ("error" in who) return { outcome: { ok: false, error: who.error }, values: typed(form) };
  const outcome = command(say, who.name);
  if (outcome.ok) revalidatePath("/alerts");
  return { outcome, values: outcome.ok ? {} : typed(form) };
}

export async function saveRuleAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say, actor) => saveRule(idOf(form), form, actor, say));
}

export async function ruleSwitchAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say, actor) => setRuleEnabled(idOf(form) ?? 0, form.get("enabled") === "on", actor, say));
}

export async function deleteRuleAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say) => deleteRule(idOf(form) ?? 0, say));
}

export async function saveChannelAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say, actor) => saveChannel(idOf(form), form, actor, say));
}

export async function deleteChannelAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say) => deleteChannel(idOf(form) ?? 0, say));
}

export async function addSilenceAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say, actor) => addSilence(form, actor, say));
}

export async function endSilenceAction(_: AlertFormState, form: FormData): Promise<AlertFormState> {
  return run(form, (say) => endSilence(idOf(form) ?? 0, say));
}

export type TestState = { ok: boolean; message: string } | null;

/** "Send a test": one message now, and what the channel answered. */
export async function testChannelAction(_: TestState, form: FormData): Promise<TestState> {
  const say = await readersWords();
  const who = await operator(say);
  if ("error" in who) return { ok: false, message: who.error };
  const outcome = await sendTestMessage(idOf(form) ?? 0, who.name, say);
  revalidatePath("/alerts");
  return outcome.ok
    ? { ok: true, message: say({ key: "test.sent", values: { status: outcome.status } }) }
    : { ok: false, message: say({ key: "test.failed", values: { error: outcome.error } }) };
}
