import "server-only";
import { appConfig, database, OWN_FILE } from "@/db";
import { countFiring, readChannels, readRules, readSilences } from "@/db/alerts/store";
import { alertStatus } from "@/db/background/alert-loop";
import type { AlertEventRow } from "@/db/schema";
import type { RequestClock } from "@/lib/read-context";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { maskedTarget } from "@/lib/server/alerts/channels";

// What /alerts and /api/alerts show: the rules, what fires now, silences, channels (never a secret) and the history.
// This desk's own alerts, whichever system a page shows (the alert loop measures this desk's own file). Read
// through the pages' read-only connection; the loop (db/background/alert-loop.ts) is what writes them.

export type ActiveAlert = ReturnType<typeof getActiveAlerts>[number];
export type AlertHistoryEntry = ReturnType<typeof getAlertHistory>[number];

export function getAlertRules() {
  return readRules(database(OWN_FILE).sqlite);
}

/** Every instance firing now, newest first, with the silence holding it back (if one does). */
export function getActiveAlerts(clock: RequestClock) {
  const { sqlite } = database(OWN_FILE);
  const rules = new Map(readRules(sqlite).map((r) => [r.id, r]));
  const silences = readSilences(sqlite, clock.now).filter((s) => s.startsAt <= clock.now);
  const rows = sqlite
    .prepare(
      `SELECT rule_id AS ruleId, instance, since, notified_at AS notifiedAt, value, threshold, facts
       FROM agent_desk_alert_states WHERE state = 'firing' ORDER BY since DESC`,
    )
    .all() as {
    ruleId: number;
    instance: string;
    since: number;
    notifiedAt: number | null;
    value: number | null;
    threshold: number | null;
    facts: string;
  }[];
  return rows.flatMap((row) => {
    const rule = rules.get(row.ruleId);
    if (!rule) return [];
    const silence = silences.find(
      (s) => s.ruleId === row.ruleId && (s.instance === null || s.instance === row.instance),
    );
    return [
      { ...row, rule, facts: JSON.parse(row.facts) as Record<string, unknown>, silencedUntil: silence?.endsAt ?? null },
    ];
  });
}

/** Silences not yet ended, soonest end first. */
export function getSilences(clock: RequestClock) {
  return readSilences(database(OWN_FILE).sqlite, clock.now);
}

/** The channels as the page may show them: the target masked, no secret, and how the last delivery went. */
export function getChannels() {
  const { sqlite } = database(OWN_FILE);
  const last = sqlite.prepare(
    `SELECT status, created_at AS at, last_error AS error FROM agent_desk_alert_deliveries WHERE channel_id = ? ORDER BY id DESC LIMIT 1`,
  );
  return readChannels(sqlite).map(({ id, kind, name, locale, enabled, ...target }) => ({
    id,
    kind,
    name,
    locale,
    enabled,
    target: maskedTarget({ kind, ...target }),
    last: (last.get(id) as { status: string; at: number; error: string | null } | undefined) ?? null,
  }));
}

/**
 * What happened, newest first: each event (firing, resolved, a notice, a test) with its deliveries (channel,
 * status, attempts, the last answer's status and error). `limit` events at most.
 */
export function getAlertHistory(limit = 100) {
  const { sqlite } = database(OWN_FILE);
  const events = sqlite
    .prepare(
      `SELECT id, rule_id AS ruleId, kind, rule_name AS ruleName, params, instance, state, repeat, at, since, value, threshold, facts,
              silence_id AS silenceId
       FROM agent_desk_alert_events ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as AlertEventRow[];
  if (events.length === 0) return [];
  const deliveries = sqlite
    .prepare(
      `SELECT id, channel_name AS channel, event_ids AS eventIds, status, attempts, last_status AS lastStatus,
              last_error AS lastError, next_attempt_at AS nextAttemptAt, sent_at AS sentAt
       FROM agent_desk_alert_deliveries WHERE created_at >= ?
       ORDER BY id`,
    )
    .all(events.at(-1)!.at) as {
    id: number;
    channel: string;
    eventIds: string;
    status: "pending" | "sent" | "failed";
    attempts: number;
    lastStatus: number | null;
    lastError: string | null;
    nextAttemptAt: number;
    sentAt: number | null;
  }[];
  const byEvent = new Map<number, typeof deliveries>();
  for (const d of deliveries)
    for (const eventId of JSON.parse(d.eventIds) as number[])
      byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), d]);
  return events.map((event) => ({ event, deliveries: byEvent.get(event.id) ?? [] }));
}

/** The server's alert loop: when it last checked the rules and how long that took (null outside a server). */
export function getAlertLoopStatus() {
  return alertStatus();
}

/** How many rule instances fire now: the sidebar's badge on every page (0 while the file cannot be read). */
export function getFiringCount(): number {
  try {
    return countFiring(database(OWN_FILE).sqlite);
  } catch {
    return 0;
  }
}

/**
 * The agent config's cost_alert_threshold, which names the spend rules that follow it; while the config cannot be
 * read (an edit half saved), the trading system's own default, so the page and the API still answer.
 */
export function getConfigAlertShare(): number {
  try {
    return loadAgentConfig(appConfig().agentConfigPath).costAlertThreshold;
  } catch {
    return 0.8;
  }
}
