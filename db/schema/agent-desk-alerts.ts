import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

// migrations/0011: alerting. Times are unix ms; params and facts are JSON text; see the migration for the flow.

export const agentDeskAlertRules = sqliteTable("agent_desk_alert_rules", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind").notNull(),
  name: text("name"),
  params: text("params").notNull(),
  enabled: integer("enabled").notNull().default(1),
  repeatMinutes: integer("repeat_minutes").notNull(),
  /** When the loop last measured it (null: never, so a notice rule first notes what exists without sending). */
  evaluatedAt: integer("evaluated_at"),
  updatedBy: text("updated_by"),
  updatedAt: text("updated_at").default(sql`CURRENT_TIMESTAMP`),
});

export const agentDeskAlertChannels = sqliteTable("agent_desk_alert_channels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind").notNull(),
  name: text("name").notNull(),
  url: text("url"),
  /** The webhook's signing secret or the Telegram bot token: written by the operator, never shown again. */
  secret: text("secret"),
  chatId: text("chat_id"),
  locale: text("locale").notNull(),
  enabled: integer("enabled").notNull().default(1),
  createdBy: text("created_by").notNull(),
  createdAt: text("created_at").default(sql`CURRENT_TIMESTAMP`),
});

export const agentDeskAlertSilences = sqliteTable("agent_desk_alert_silences", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  ruleId: integer("rule_id").notNull(),
  /** One instance of the rule (an agent, a provider); null: all of them. */
  instance: text("instance"),
  startsAt: integer("starts_at").notNull(),
  endsAt: integer("ends_at").notNull(),
  reason: text("reason").notNull(),
  createdBy: text("created_by").notNull(),
});

export const agentDeskAlertStates = sqliteTable(
  "agent_desk_alert_states",
  {
    ruleId: integer("rule_id").notNull(),
    instance: text("instance").notNull(),
    /** 'firing', or 'seen' for a notice already sent. */
    state: text("state").notNull(),
    since: integer("since").notNull(),
    /** When it was last sent (null: not yet, silenced). */
    notifiedAt: integer("notified_at"),
    /** When the condition was first seen clear (it resolves only if it is still clear at the next round). */
    clearSince: integer("clear_since"),
    value: real("value"),
    threshold: real("threshold"),
    facts: text("facts").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.instance] })],
);

export const agentDeskAlertEvents = sqliteTable(
  "agent_desk_alert_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for a channel's test message. */
    ruleId: integer("rule_id"),
    // The rule as it was, so the history still reads after the rule is edited or deleted.
    kind: text("kind").notNull(),
    ruleName: text("rule_name"),
    params: text("params").notNull(),
    instance: text("instance").notNull(),
    /** 'firing', 'resolved', 'notice' or 'test'. */
    state: text("state").notNull(),
    repeat: integer("repeat").notNull().default(0),
    at: integer("at").notNull(),
    since: integer("since").notNull(),
    value: real("value"),
    threshold: real("threshold"),
    facts: text("facts").notNull(),
    /** The silence that kept it from being sent. */
    silenceId: integer("silence_id"),
  },
  (t) => [index("agent_desk_alert_events_at").on(t.at)],
);

export const agentDeskAlertDeliveries = sqliteTable(
  "agent_desk_alert_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channelId: integer("channel_id").notNull(),
    channelName: text("channel_name").notNull(),
    /** JSON array of the events one message tells of (grouped per rule and evaluation). */
    eventIds: text("event_ids").notNull(),
    /** 'pending' (waiting for its next attempt), 'sent' or 'failed' (gave up). */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    index("agent_desk_alert_deliveries_due").on(t.status, t.nextAttemptAt),
    index("agent_desk_alert_deliveries_created").on(t.createdAt),
  ],
);

export type AlertRuleRow = typeof agentDeskAlertRules.$inferSelect;
export type AlertChannelRow = typeof agentDeskAlertChannels.$inferSelect;
export type AlertSilence = typeof agentDeskAlertSilences.$inferSelect;
export type AlertStateRow = typeof agentDeskAlertStates.$inferSelect;
export type AlertEventRow = typeof agentDeskAlertEvents.$inferSelect;
export type AlertDelivery = typeof agentDeskAlertDeliveries.$inferSelect;
