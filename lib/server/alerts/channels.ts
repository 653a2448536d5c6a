import "server-only";
import type { Said } from "@/lib/say";

// Where alerts go, as an operator enters them on /alerts. Every refusal is said by key (`says.channel.*` in the
// alerts namespace) in words that tell what to type instead. Secrets (a webhook's signing secret, a Telegram bot
// token, the token inside a Slack or Discord address) are stored but never shown back: maskedTarget is what the page
// shows, and an edit that leaves one empty keeps the stored one.

export const CHANNEL_KINDS = ["webhook", "slack", "telegram", "discord"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** As stored in agent_desk_alert_channels. url: webhook/slack/discord target; secret: webhook HMAC secret or Telegram bot token; chatId: Telegram only. */
export type Channel = {
  id: number;
  kind: ChannelKind;
  name: string;
  url: string | null;
  secret: string | null;
  chatId: string | null;
  locale: "ko" | "en";
  enabled: boolean;
};

export type ChannelInput = Omit<Channel, "id" | "enabled">;
export type ChannelField = keyof ChannelInput;
export type ChannelErrors = Partial<Record<ChannelField, Said>>;

export const NAME_MAX = 80;
export const URL_MAX = 2000;
export const SECRET_MIN = 16;
export const SECRET_MAX = 200;

// Only what a local receiver or a test stand-in listens on may be plain http: anything else crosses a network.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);
const SLACK_PATH = /^\/services\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;
const DISCORD_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([A-Za-z0-9_-]+)$/;
const PRINTABLE_NO_SPACE = /^[\x21-\x7E]+$/;
// As BotFather gives it: the bot's numeric id, a colon, then (today) 35 characters of base64url.
const BOT_TOKEN = /^(\d{1,20}):[A-Za-z0-9_-]{30,60}$/;
// A numeric chat id (groups and channels are negative, -100…) or a public channel's or group's @username.
const CHAT_ID = /^(?:-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/;
// Control, format (zero-width, direction) and line/paragraph separators: a name is one plain line.
const NOT_PLAIN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const say = (key: string, values?: Said["values"]): Said => (values ? { key, values } : { key });

/** Form values arrive as text; anything else (missing, a file) counts as empty. */
function text(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value);
}

/** The address to send to, normalised, or why it cannot be one. */
function checkUrl(typed: string, kind: "webhook" | "slack" | "discord"): { url: string } | { error: Said } {
  if (typed === "") return { error: say("channel.urlRequired") };
  if (typed.length > URL_MAX) return { error: say("channel.urlTooLong", { max: URL_MAX }) };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { error: say("channel.urlInvalid") };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    return {
      error: say(url.protocol === "http:" || url.protocol === "https:" ? "channel.urlScheme" : "channel.urlInvalid"),
    };
  }
  if (url.username !== "" || url.password !== "") return { error: say("channel.urlCredentials") };
  if (kind === "slack" && !SLACK_PATH.test(url.pathname)) return { error: say("channel.slackShape") };
  if (kind === "discord" && !DISCORD_PATH.test(url.pathname)) return { error: say("channel.discordShape") };
  // Normalising can lengthen it (percent-encoding), so the limit is checked again on what is stored.
  if (url.href.length > URL_MAX) return { error: say("channel.urlTooLong", { max: URL_MAX }) };
  return { url: url.href };
}

function checkWebhookSecret(typed: string): Said | null {
  if (typed === "") return say("channel.secretRequired", { min: SECRET_MIN, max: SECRET_MAX });
  if (!PRINTABLE_NO_SPACE.test(typed)) return say("channel.secretCharacters");
  if (typed.length < SECRET_MIN || typed.length > SECRET_MAX) {
    return say("channel.secretLength", { min: SECRET_MIN, max: SECRET_MAX });
  }
  return null;
}

function checkBotToken(typed: string): Said | null {
  if (typed === "") return say("channel.tokenRequired");
  return BOT_TOKEN.test(typed) ? null : say("channel.tokenShape");
}

function checkChatId(typed: string): Said | null {
  if (typed === "") return say("channel.chatIdRequired");
  return CHAT_ID.test(typed) ? null : say("channel.chatIdShape");
}

function checkName(typed: string): Said | null {
  if (typed === "") return say("channel.nameRequired");
  if (typed.length > NAME_MAX) return say("channel.nameTooLong", { max: NAME_MAX });
  return NOT_PLAIN.test(typed) ? say("channel.nameCharacters") : null;
}

/**
 * An operator's channel form (kind, name, url, secret, chatId, locale), checked. When editing (`existing` of the same
 * kind), an empty secret or url keeps the stored one: the form never shows them, so it cannot send them back.
 * Kept values are not checked again.
 */
export function parseChannelInput(
  input: Record<string, unknown>,
  existing?: Channel,
): { ok: true; value: ChannelInput } | { ok: false; errors: ChannelErrors } {
  const errors: ChannelErrors = {};
  const kindText = text(input.kind);
  const nameText = text(input.name);
  const localeText = text(input.locale);
  const nameError = checkName(nameText);
  if (nameError) errors.name = nameError;
  if (localeText !== "ko" && localeText !== "en") errors.locale = say("channel.locale");
  if (!isChannelKind(kindText)) {
    errors.kind = say("channel.kind", { kinds: CHANNEL_KINDS.join(", ") });
    return { ok: false, errors };
  }
  const kind = kindText;
  const kept = existing?.kind === kind ? existing : undefined;
  const urlText = text(input.url);
  const secretText = text(input.secret);

  let url: string | null = null;
  let secret: string | null = null;
  let chatId: string | null = null;
  if (kind === "telegram") {
    if (secretText === "" && kept?.secret) secret = kept.secret;
    else {
      const tokenError = checkBotToken(secretText);
      if (tokenError) errors.secret = tokenError;
      else secret = secretText;
    }
    chatId = text(input.chatId);
    const chatError = checkChatId(chatId);
    if (chatError) errors.chatId = chatError;
  } else {
    if (urlText === "" && kept?.url) url = kept.url;
    else {
      const checked = checkUrl(urlText, kind);
      if ("error" in checked) errors.url = checked.error;
      else url = checked.url;
    }
    if (kind === "webhook") {
      if (secretText === "" && kept?.secret) secret = kept.secret;
      else {
        const secretError = checkWebhookSecret(secretText);
        if (secretError) errors.secret = secretError;
        else secret = secretText;
      }
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { kind, name: nameText, url, secret, chatId, locale: localeText as "ko" | "en" } };
}

const HIDDEN = "••••";

/**
 * Where a channel sends, as the page shows it: enough to recognise it, never a secret. A webhook shows its origin
 * and path (its query, which may carry a key, becomes "?…"); Slack and Discord their host and the first characters of
 * the public part of the address; Telegram its chat and the bot's numeric id (the part of the token before the colon,
 * which is the bot's public user id).
 */
export function maskedTarget(channel: Pick<Channel, "kind" | "url" | "secret" | "chatId">): string {
  if (channel.kind === "telegram") {
    const botId = BOT_TOKEN.exec(channel.secret ?? "")?.[1];
    return `chat ${channel.chatId ?? "?"} · bot ${botId ?? ""}:${HIDDEN}`;
  }
  let url: URL;
  try {
    url = new URL(channel.url ?? "");
  } catch {
    return HIDDEN;
  }
  if (channel.kind === "webhook") {
    // A long path segment is often a token of its own (n8n, Zapier, Teams): shown as the other secrets are.
    const path = url.pathname
      .split("/")
      .map((segment) => (segment.length >= 16 ? HIDDEN : segment))
      .join("/");
    return `${url.origin}${path}${url.search ? "?…" : ""}`;
  }
  if (channel.kind === "slack") {
    const team = url.pathname.split("/")[2] ?? "";
    return `${url.host}/services/${team.slice(0, 1)}…/${HIDDEN}`;
  }
  const webhookId = DISCORD_PATH.exec(url.pathname)?.[1] ?? "";
  return `${url.host}/api/webhooks/${webhookId.slice(0, 3)}…/${HIDDEN}`;
}
