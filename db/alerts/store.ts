import type Database from "better-sqlite3";
import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import {
  agentDeskAlertChannels,
  agentDeskAlertDeliveries,
  agentDeskAlertEvents,
  agentDeskAlertRules,
  agentDeskAlertSilences,
  agentDeskAlertStates,
  type AlertDelivery,
  type AlertSilence,
  type AlertEventRow,
} from "@/db/schema";
import type { Evaluation, InstanceState } from "@/lib/alerts/evaluate";
import { RULE_PARAMS, type AlertRule, type RuleKind } from "@/lib/alerts/rules";
import type { Channel } from "@/lib/server/alerts/channels";

// The alert loop's reads and writes of its tables, on the connection it is given (the loop's own, which never waits
// for the trading system's lock; or the server's read-only one for pages).

type Db = ReturnType<typeof drizzle>;
const orm = (sqlite: Database.Database): Db => drizzle(sqlite);

/** Every rule, as stored; a rule whose stored params no longer parse is left out (and said by the page). */
export function readRules(sqlite: Database.Database): (AlertRule & { evaluatedAt: number | null })[] {
  return orm(sqlite)
    .select()
    .from(agentDeskAlertRules)
    .orderBy(asc(agentDeskAlertRules.id))
    .all()
    .flatMap((row) => {
      const kind = row.kind as RuleKind;
      const params = RULE_PARAMS[kind]?.safeParse(JSON.parse(row.params));
      if (!params?.success) return [];
      return [
        {
          id: row.id,
          kind,
          name: row.name,
          params: params.data,
          enabled: row.enabled === 1,
          repeatMinutes: row.repeatMinutes,
          evaluatedAt: row.evaluatedAt,
        },
      ];
    });
}

export function readStates(sqlite: Database.Database, ruleId: number): InstanceState[] {
  return orm(sqlite)
    .select()
    .from(agentDeskAlertStates)
    .where(eq(agentDeskAlertStates.ruleId, ruleId))
    .all()
    .map((row) => ({
      instance: row.instance,
      state: row.state as InstanceState["state"],
      since: row.since,
      notifiedAt: row.notifiedAt,
      clearSince: row.clearSince,
      value: row.value,
      threshold: row.threshold,
      facts: JSON.parse(row.facts),
    }));
}

/** Silences that have not ended by `now` (some may start later), soonest end first. */
export function readSilences(sqlite: Database.Database, now: number): AlertSilence[] {
  return orm(sqlite)
    .select()
    .from(agentDeskAlertSilences)
    .where(gt(agentDeskAlertSilences.endsAt, now))
    .orderBy(asc(agentDeskAlertSilences.endsAt))
    .all();
}

export function readChannels(sqlite: Database.Database): Channel[] {
  return orm(sqlite)
    .select()
    .from(agentDeskAlertChannels)
    .orderBy(asc(agentDeskAlertChannels.id))
    .all()
    .map((row) => ({
      id: row.id,
      kind: row.kind as Channel["kind"],
      name: row.name,
      url: row.url,
      secret: row.secret,
      chatId: row.chatId,
      locale: row.locale as Channel["locale"],
      enabled: row.enabled === 1,
    }));
}

/**
 * Writes one rule's evaluation: its instances' states replace the old ones, each transition becomes an event, and
 * the events to send become one delivery per enabled channel (grouped: one message per rule and evaluation, and
 * per kind of change, a repeat apart from a new firing). Called inside the loop's transaction, with every rule of the
 * round.
 */
export function writeEvaluation(
  sqlite: Database.Database,
  rule: AlertRule & { evaluatedAt?: number | null },
  evaluation: Evaluation,
  channels: Channel[],
  now: number,
  previous?: InstanceState[],
): void {
  const db = orm(sqlite);
  // Nothing changed, nothing written: a round that finds all well leaves the file (and its WAL) as it was, however
  // long the trading system is idle and does not checkpoint.
  if (!previous || JSON.stringify(previous) !== JSON.stringify(evaluation.states)) {
    db.delete(agentDeskAlertStates).where(eq(agentDeskAlertStates.ruleId, rule.id)).run();
    for (const s of evaluation.states)
      db.insert(agentDeskAlertStates)
        .values({ ruleId: rule.id, ...s, facts: JSON.stringify(s.facts) })
        .run();
  }
  const toSend = new Map<string, number[]>();
  for (const t of evaluation.transitions) {
    const { id } = db
      .insert(agentDeskAlertEvents)
      .values({
        ruleId: rule.id,
        kind: rule.kind,
        ruleName: rule.name,
        params: JSON.stringify(rule.params),
        instance: t.instance,
        state: t.state,
        repeat: t.repeat ? 1 : 0,
        at: t.at ?? now,
        since: t.since,
        value: t.value,
        threshold: t.threshold,
        facts: JSON.stringify(t.facts),
        silenceId: t.silenceId,
      })
      .returning({ id: agentDeskAlertEvents.id })
      .get();
    // A repeat is its own message: its title says since when the rule has been firing.
    const group = `${t.state}${t.repeat ? " again" : ""}`;
    if (t.send) toSend.set(group, [...(toSend.get(group) ?? []), id]);
  }
  for (const ids of toSend.values()) queueDeliveries(sqlite, ids, channels, now);
  // Only its first look matters (a notice rule takes in what exists without sending it).
  if (rule.evaluatedAt === null || rule.evaluatedAt === undefined)
    db.update(agentDeskAlertRules).set({ evaluatedAt: now }).where(eq(agentDeskAlertRules.id, rule.id)).run();
}

/** One delivery per enabled channel for a message telling of `eventIds`. */
export function queueDeliveries(sqlite: Database.Database, eventIds: number[], channels: Channel[], now: number) {
  const db = orm(sqlite);
  for (const channel of channels.filter((c) => c.enabled))
    db.insert(agentDeskAlertDeliveries)
      .values({
        channelId: channel.id,
        channelName: channel.name,
        eventIds: JSON.stringify(eventIds),
        status: "pending",
        nextAttemptAt: now,
        createdAt: now,
      })
      .run();
}

/** Deliveries whose next attempt is due, oldest first. */
export function dueDeliveries(sqlite: Database.Database, now: number, limit: number): AlertDelivery[] {
  return orm(sqlite)
    .select()
    .from(agentDeskAlertDeliveries)
    .where(and(eq(agentDeskAlertDeliveries.status, "pending"), lte(agentDeskAlertDeliveries.nextAttemptAt, now)))
    .orderBy(asc(agentDeskAlertDeliveries.nextAttemptAt), asc(agentDeskAlertDeliveries.id))
    .limit(limit)
    .all();
}

/**
 * Takes a due delivery for one attempt: counts the attempt and pushes its next one past the send's timeout, so a
 * second loop (or this one after a crash mid-send) does not send it at the same moment. False: another took it.
 */
export function claimDelivery(sqlite: Database.Database, delivery: AlertDelivery, now: number, holdMs: number) {
  return (
    sqlite
      .prepare(
        `UPDATE agent_desk_alert_deliveries SET attempts = attempts + 1, next_attempt_at = ?
         WHERE id = ? AND status = 'pending' AND attempts = ?`,
      )
      .run(now + holdMs, delivery.id, delivery.attempts).changes === 1
  );
}

export function recordAttempt(
  sqlite: Database.Database,
  id: number,
  outcome:
    | { status: "sent"; httpStatus: number; at: number }
    | { status: "pending" | "failed"; httpStatus: number | null; error: string; nextAttemptAt: number },
): void {
  const db = orm(sqlite);
  if (outcome.status === "sent")
    db.update(agentDeskAlertDeliveries)
      .set({ status: "sent", sentAt: outcome.at, lastStatus: outcome.httpStatus, lastError: null })
      .where(eq(agentDeskAlertDeliveries.id, id))
      .run();
  else
    db.update(agentDeskAlertDeliveries)
      .set({
        status: outcome.status,
        nextAttemptAt: outcome.nextAttemptAt,
        lastStatus: outcome.httpStatus,
        lastError: outcome.error,
      })
      .where(eq(agentDeskAlertDeliveries.id, id))
      .run();
}

export function readEvents(sqlite: Database.Database, ids: number[]): AlertEventRow[] {
  return orm(sqlite).select().from(agentDeskAlertEvents).where(inArray(agentDeskAlertEvents.id, ids)).all();
}

/** Whether anything happened before `before` (what pruneHistory would forget). */
export function hasHistoryBefore(sqlite: Database.Database, before: number): boolean {
  return sqlite.prepare("SELECT 1 FROM agent_desk_alert_events WHERE at < ? LIMIT 1").get(before) !== undefined;
}

/**
 * Forgets what happened before `before` (events and their finished deliveries), a bounded batch at a time so the
 * loop's transaction stays short: the history is for looking back days, not a log kept forever.
 */
export function pruneHistory(sqlite: Database.Database, before: number, batch = 1000): void {
  sqlite
    .prepare(
      "DELETE FROM agent_desk_alert_events WHERE id IN (SELECT id FROM agent_desk_alert_events WHERE at < ? ORDER BY at LIMIT ?)",
    )
    .run(before, batch);
  sqlite
    .prepare(
      `DELETE FROM agent_desk_alert_deliveries WHERE id IN
         (SELECT id FROM agent_desk_alert_deliveries WHERE created_at < ? AND status != 'pending' LIMIT ?)`,
    )
    .run(before, batch);
}

/** How many rule instances fire. */
export function countFiring(sqlite: Database.Database): number {
  return sqlite.prepare("SELECT count(*) FROM agent_desk_alert_states WHERE state = 'firing'").pluck().get() as number;
}
