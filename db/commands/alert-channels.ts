import "server-only";
import { and, eq } from "drizzle-orm";
import { appConfig, writableDatabase } from "@/db";
import { readChannels } from "@/db/alerts/store";
import { agentDeskAlertChannels, agentDeskAlertDeliveries, agentDeskAlertEvents } from "@/db/schema";
import { testNotificationFor } from "@/lib/alerts/message";
import type { Say } from "@/lib/say";
import { channelRequest } from "@/lib/server/alerts/channel-request";
import { parseChannelInput, type Channel } from "@/lib/server/alerts/channels";
import { sendRequest } from "@/lib/server/alerts/send";
import { refusedByFile, writeAlertChange, type AlertCommandOutcome } from "./alert-rules";

type Form = { get(name: string): unknown };

const FIELDS = ["kind", "name", "url", "secret", "chatId", "locale"] as const;

function readForm(form: Form): Record<(typeof FIELDS)[number], unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, form.get(field) ?? ""])) as Record<
    (typeof FIELDS)[number],
    unknown
  >;
}

/**
 * Adds a channel, or changes one (`id`; a secret left empty keeps the stored one). Refusals are said beside their
 * fields; nothing is written unless every field is right.
 */
export function saveChannel(id: number | null, form: Form, actor: string, say: Say): AlertCommandOutcome {
  // The stored channel is read in the same transaction as the write: an edit never lands on a channel just removed.
  return writeAlertChange(say, (db, sqlite) => {
    const existing = id === null ? undefined : readChannels(sqlite).find((c) => c.id === id);
    if (id !== null && !existing) return { ok: false, error: say({ key: "channelGone" }) };
    const parsed = parseChannelInput(readForm(form), existing);
    if (!parsed.ok)
      return {
        ok: false,
        fieldErrors: Object.fromEntries(Object.entries(parsed.errors).map(([field, said]) => [field, say(said!)])),
      };
    if (id === null) {
      const row = db
        .insert(agentDeskAlertChannels)
        .values({ ...parsed.value, createdBy: actor })
        .returning({ id: agentDeskAlertChannels.id })
        .get();
      return { ok: true, id: row.id };
    }
    db.update(agentDeskAlertChannels).set(parsed.value).where(eq(agentDeskAlertChannels.id, id)).run();
    return { ok: true, id };
  });
}

/** Removes a channel; what was waiting to be sent to it is given up (the history says so). */
export function deleteChannel(id: number, say: Say): AlertCommandOutcome {
  return writeAlertChange(say, (db) => {
    if (db.delete(agentDeskAlertChannels).where(eq(agentDeskAlertChannels.id, id)).run().changes === 0)
      return { ok: false, error: say({ key: "channelGone" }) };
    db.update(agentDeskAlertDeliveries)
      .set({ status: "failed", lastError: "the channel was removed" })
      .where(and(eq(agentDeskAlertDeliveries.channelId, id), eq(agentDeskAlertDeliveries.status, "pending")))
      .run();
    return { ok: true };
  });
}

export type TestOutcome = { ok: true; status: number } | { ok: false; error: string };

/**
 * "Send a test": one message to the channel now, in its language, while the operator waits (one attempt, no
 * retries: the answer is what they came for), kept in the history like any other delivery.
 */
export async function sendTestMessage(id: number, actor: string, say: Say, now = Date.now()): Promise<TestOutcome> {
  const refused = refusedByFile(say);
  if (refused) return { ok: false, error: refused };
  const { db, sqlite } = writableDatabase();
  const channel: Channel | undefined = readChannels(sqlite).find((c) => c.id === id);
  if (!channel) return { ok: false, error: say({ key: "channelGone" }) };
  const { publicUrl, telegramApiUrl } = appConfig();
  const delivery = sqlite
    .transaction(() => {
      const event = db
        .insert(agentDeskAlertEvents)
        .values({
          kind: "test",
          params: "{}",
          instance: "",
          state: "test",
          at: now,
          since: now,
          facts: JSON.stringify({ actor, path: "/alerts" }),
        })
        .returning({ id: agentDeskAlertEvents.id })
        .get();
      return db
        .insert(agentDeskAlertDeliveries)
        .values({
          channelId: channel.id,
          channelName: channel.name,
          eventIds: JSON.stringify([event.id]),
          // Sent here, never by the loop: written as failed until the answer comes, which is what stays if the
          // server stops before it does.
          status: "failed",
          attempts: 1,
          nextAttemptAt: now,
          lastError: "no answer: the server stopped while sending",
          createdAt: now,
        })
        .returning({ id: agentDeskAlertDeliveries.id })
        .get();
    })
    .immediate();
  const notification = testNotificationFor(`d-${delivery.id}`, channel.name, actor, channel.locale, { publicUrl, now });
  const answer = await (async () => {
    try {
      return await sendRequest(channelRequest(channel, notification, { telegramApiUrl, now: Date.now() }));
    } catch (error) {
      return { ok: false as const, status: null, error: (error as Error).message };
    }
  })();
  sqlite
    .transaction(() =>
      db
        .update(agentDeskAlertDeliveries)
        .set(
          answer.ok
            ? { status: "sent", sentAt: Date.now(), lastStatus: answer.status }
            : { status: "failed", lastStatus: answer.status, lastError: answer.error },
        )
        .where(eq(agentDeskAlertDeliveries.id, delivery.id))
        .run(),
    )
    .immediate();
  return answer.ok ? { ok: true, status: answer.status } : { ok: false, error: answer.error };
}
