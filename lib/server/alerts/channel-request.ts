import "server-only";
import { createHmac } from "node:crypto";
import type { Channel } from "./channels";

// Each channel's HTTP request for one notification. Every request is a JSON POST; what differs is where it goes and
// what the JSON says. Chat channels get plain text that cannot ping or format: Slack's control characters are
// escaped, Discord's mentions are switched off, Telegram gets no parse_mode.

/** What one notification says: text for chat channels; payload (snake_case JSON object) for the generic webhook. */
export type Notification = {
  /** Stable delivery id, e.g. "d-123", repeated on every retry so a receiver can drop one it already took. */
  id: string;
  text: string;
  payload: Record<string, unknown>;
};

/** A POST to make: the url may hold a token (Slack, Discord, Telegram), so it is never logged or shown. */
export type ChannelRequest = { url: string; headers: Record<string, string>; body: string };

export const USER_AGENT = "AgentDesk-Alerts/1";

// The longest text each service takes in one message (Telegram and Discord refuse longer ones; Slack truncates).
// Lengths are counted in UTF-16 units, which is never fewer than the characters the services count.
export const TEXT_LIMITS = { slack: 40_000, telegram: 4096, discord: 2000 } as const;

/** `text` cut to `limit` UTF-16 units, ending in "…" when cut, never in half a surrogate pair. */
export function capText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Slack reads &, < and > as its own markup (<!channel> pings everyone): its docs ask for these three escaped. */
const slackEscaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `sha256=` + hex HMAC-SHA256 with `secret` over `timestamp.body`, as receivers recompute it. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

function required(value: string | null, what: string, channel: Channel): string {
  // A stored channel always has these (parseChannelInput); a missing one is a bug, said without the value.
  if (!value) throw new Error(`alert channel ${channel.id} (${channel.kind}) has no ${what}`);
  return value;
}

/**
 * The request that delivers `notification` on `channel`. `now` (ms) stamps a webhook's signature; each retry builds a
 * new request, so its timestamp is fresh while its delivery id stays the same.
 */
export function channelRequest(
  channel: Channel,
  notification: Notification,
  { telegramApiUrl, now }: { telegramApiUrl: string; now: number },
): ChannelRequest {
  const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": USER_AGENT };
  switch (channel.kind) {
    case "webhook": {
      const body = JSON.stringify(notification.payload);
      const timestamp = Math.floor(now / 1000);
      return {
        url: required(channel.url, "url", channel),
        headers: {
          ...headers,
          "X-Agent-Desk-Delivery": notification.id,
          "X-Agent-Desk-Timestamp": String(timestamp),
          "X-Agent-Desk-Signature": webhookSignature(required(channel.secret, "secret", channel), timestamp, body),
        },
        body,
      };
    }
    case "slack":
      return {
        url: required(channel.url, "url", channel),
        headers,
        body: JSON.stringify({ text: slackEscaped(capText(notification.text, TEXT_LIMITS.slack)), mrkdwn: false }),
      };
    case "telegram": {
      const token = required(channel.secret, "bot token", channel);
      return {
        url: `${telegramApiUrl.replace(/\/+$/, "")}/bot${token}/sendMessage`,
        headers,
        body: JSON.stringify({
          chat_id: required(channel.chatId, "chat id", channel),
          text: capText(notification.text, TEXT_LIMITS.telegram),
          disable_web_page_preview: true,
        }),
      };
    }
    case "discord":
      return {
        url: required(channel.url, "url", channel),
        headers,
        body: JSON.stringify({
          // Brackets escaped: Discord renders [words](address) as a link, which text from the trading system (a
          // swap's reason) could use to dress up an address as something else.
          content: capText(notification.text.replace(/[[\]]/g, "\\$&"), TEXT_LIMITS.discord),
          allowed_mentions: { parse: [] },
        }),
      };
  }
}
