import type { ActiveAlert, AlertHistoryEntry } from "@/db/queries/alerts";
import { eventLine, ruleTitle, translatorFor } from "@/lib/alerts/message";
import type { RuleKind, RuleParams } from "@/lib/alerts/rules";

// The API speaks English whatever the reader's language (the contract): rule titles and messages from the English
// catalogue, times as ISO instants, figures unrounded.
const EN = translatorFor("en");

type Context = { zone: string; configShare: number };

/** /api/alerts: what fires now, and what fired or resolved lately (newest first). */
export function alertsJson(active: ActiveAlert[], recent: AlertHistoryEntry[], { zone, configShare }: Context) {
  return {
    active: active.map((alert) => ({
      rule: ruleTitle(EN, "en", alert.rule, configShare),
      rule_id: alert.ruleId,
      kind: alert.rule.kind,
      instance: alert.instance,
      state: "firing" as const,
      since: new Date(alert.since).toISOString(),
      value: alert.value,
      threshold: alert.threshold,
      message: eventLine(EN, { ...alert, kind: alert.rule.kind, facts: JSON.stringify(alert.facts) }, "en", zone),
      path: typeof alert.facts.path === "string" ? alert.facts.path : "/alerts",
      notified_at: alert.notifiedAt === null ? null : new Date(alert.notifiedAt).toISOString(),
      silenced_until: alert.silencedUntil === null ? null : new Date(alert.silencedUntil).toISOString(),
    })),
    recent: recent
      .filter(({ event }) => event.state === "firing" || event.state === "resolved")
      .map(({ event, deliveries }) => ({
        rule: ruleTitle(
          EN,
          "en",
          { kind: event.kind as RuleKind, name: event.ruleName, params: JSON.parse(event.params) as RuleParams },
          configShare,
        ),
        rule_id: event.ruleId,
        kind: event.kind,
        instance: event.instance,
        state: event.state,
        repeat: event.repeat === 1,
        since: new Date(event.since).toISOString(),
        at: new Date(event.at).toISOString(),
        value: event.value,
        threshold: event.threshold,
        message: eventLine(EN, event, "en", zone),
        silenced: event.silenceId !== null,
        // Each channel's status code, not the receiver's words: the API may be open to anonymous readers, and a
        // receiver's error page can echo what it was sent.
        deliveries: deliveries.map((d) => ({
          channel: d.channel,
          status: d.status,
          attempts: d.attempts,
          last_status: d.lastStatus,
        })),
      })),
  };
}
