import { describe, expect, it } from "vitest";
import { CHANNEL_KINDS, maskedTarget, parseChannelInput, type Channel } from "./channels";

const WEBHOOK_SECRET = "s3cret-Signing-Key-0123";
const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const SLACK_URL = "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/abcdefghijklmnopqrstuvwx";
const DISCORD_URL =
  "https://discord.com/api/webhooks/1234567890123456789/Zx9_abcDEFghiJKLmnoPQRstuVWXyz9876543210-abcdefghijklmnopqrstuvwxyzAB";

const GOOD = {
  webhook: {
    kind: "webhook",
    name: "Ops receiver",
    url: "https://example.com/hooks/agent-desk",
    secret: WEBHOOK_SECRET,
  },
  slack: { kind: "slack", name: "Slack #desk", url: SLACK_URL },
  telegram: { kind: "telegram", name: "Telegram desk", secret: BOT_TOKEN, chatId: "-1001234567890" },
  discord: { kind: "discord", name: "Discord alerts", url: DISCORD_URL },
};

const form = (kind: keyof typeof GOOD, changes: Record<string, unknown> = {}) => ({
  locale: "ko",
  ...GOOD[kind],
  ...changes,
});

/** The one refusal for `field`, or the whole answer when the form passed. */
function refusal(input: Record<string, unknown>, field: string, existing?: Channel) {
  const parsed = parseChannelInput(input, existing);
  return parsed.ok ? parsed : parsed.errors[field as keyof typeof parsed.errors];
}

describe("parseChannelInput accepts", () => {
  it("a good form of each kind, trimmed, with only the fields its kind uses", () => {
    expect(parseChannelInput(form("webhook", { name: "  Ops receiver ", chatId: "-1" }))).toEqual({
      ok: true,
      value: {
        kind: "webhook",
        name: "Ops receiver",
        url: "https://example.com/hooks/agent-desk",
        secret: WEBHOOK_SECRET,
        chatId: null,
        locale: "ko",
      },
    });
    expect(parseChannelInput(form("slack", { secret: "ignored" }))).toEqual({
      ok: true,
      value: { kind: "slack", name: "Slack #desk", url: SLACK_URL, secret: null, chatId: null, locale: "ko" },
    });
    expect(parseChannelInput(form("telegram", { url: "https://ignored.example", locale: "en" }))).toEqual({
      ok: true,
      value: {
        kind: "telegram",
        name: "Telegram desk",
        url: null,
        secret: BOT_TOKEN,
        chatId: "-1001234567890",
        locale: "en",
      },
    });
    expect(parseChannelInput(form("discord", { url: ` ${DISCORD_URL}\n` }))).toMatchObject({
      ok: true,
      value: { kind: "discord", url: DISCORD_URL, secret: null },
    });
  });

  it("plain http to a local receiver, stand-ins on any host, a channel's @name, Discord's versioned path", () => {
    for (const url of ["http://127.0.0.1:9000/hook", "http://localhost/hook", "http://[::1]:8080/"]) {
      expect(parseChannelInput(form("webhook", { url })).ok).toBe(true);
    }
    expect(parseChannelInput(form("slack", { url: "http://127.0.0.1:4000/services/T1/B2/c3" })).ok).toBe(true);
    expect(parseChannelInput(form("discord", { url: "https://stand-in.test/api/v10/webhooks/1/tok" })).ok).toBe(true);
    expect(parseChannelInput(form("telegram", { chatId: "@agent_desk_alerts" })).ok).toBe(true);
    expect(parseChannelInput(form("telegram", { chatId: "42" })).ok).toBe(true);
  });
});

describe("parseChannelInput refuses, saying why", () => {
  it("an unknown kind", () => {
    expect(refusal(form("webhook", { kind: "email" }), "kind")).toEqual({
      key: "channel.kind",
      values: { kinds: CHANNEL_KINDS.join(", ") },
    });
    expect(refusal({ name: "x", locale: "en" }, "kind")).toMatchObject({ key: "channel.kind" });
  });

  it("a missing, long or unprintable name, and a language other than ko or en", () => {
    expect(refusal(form("slack", { name: "   " }), "name")).toEqual({ key: "channel.nameRequired" });
    expect(refusal(form("slack", { name: "n".repeat(81) }), "name")).toEqual({
      key: "channel.nameTooLong",
      values: { max: 80 },
    });
    expect(parseChannelInput(form("slack", { name: "n".repeat(80) })).ok).toBe(true);
    expect(refusal(form("slack", { name: "two\nlines" }), "name")).toEqual({ key: "channel.nameCharacters" });
    expect(refusal(form("slack", { name: "zero\u200Bwidth" }), "name")).toEqual({ key: "channel.nameCharacters" });
    expect(refusal(form("slack", { locale: "ja" }), "locale")).toEqual({ key: "channel.locale" });
    expect(refusal(form("slack", { locale: undefined }), "locale")).toEqual({ key: "channel.locale" });
  });

  it("addresses that are missing, not absolute, not https, carry a password or run too long", () => {
    const urlRefusal = (url: unknown) => refusal(form("webhook", { url }), "url");
    expect(urlRefusal("")).toEqual({ key: "channel.urlRequired" });
    expect(urlRefusal(undefined)).toEqual({ key: "channel.urlRequired" });
    expect(urlRefusal("example.com/hook")).toEqual({ key: "channel.urlInvalid" });
    expect(urlRefusal("/hooks/relative")).toEqual({ key: "channel.urlInvalid" });
    expect(urlRefusal("ftp://example.com/hook")).toEqual({ key: "channel.urlInvalid" });
    expect(urlRefusal("javascript:alert(1)")).toEqual({ key: "channel.urlInvalid" });
    expect(urlRefusal("http://example.com/hook")).toEqual({ key: "channel.urlScheme" });
    expect(urlRefusal("http://10.0.0.5/hook")).toEqual({ key: "channel.urlScheme" });
    expect(urlRefusal("http://127.0.0.2/hook")).toEqual({ key: "channel.urlScheme" });
    expect(urlRefusal("https://user:pass@example.com/hook")).toEqual({ key: "channel.urlCredentials" });
    expect(urlRefusal("https://token@example.com/hook")).toEqual({ key: "channel.urlCredentials" });
    expect(urlRefusal(`https://example.com/${"a".repeat(2000)}`)).toEqual({
      key: "channel.urlTooLong",
      values: { max: 2000 },
    });
  });

  it("Slack and Discord addresses of another shape", () => {
    for (const url of [
      "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN",
      "https://hooks.slack.com/workflows/T0/A0/1/abc",
      "https://example.com/hook",
    ]) {
      expect(refusal(form("slack", { url }), "url")).toEqual({ key: "channel.slackShape" });
    }
    for (const url of [
      "https://discord.com/api/webhooks/not-digits/token",
      "https://discord.com/api/webhooks/123",
      "https://discord.com/channels/1/2",
    ]) {
      expect(refusal(form("discord", { url }), "url")).toEqual({ key: "channel.discordShape" });
    }
    expect(refusal(form("discord", { url: "http://discord.com/api/webhooks/1/t" }), "url")).toEqual({
      key: "channel.urlScheme",
    });
  });

  it("webhook secrets that are missing, short, long or hold spaces and non-ASCII", () => {
    const secretRefusal = (secret: unknown) => refusal(form("webhook", { secret }), "secret");
    expect(secretRefusal("")).toEqual({ key: "channel.secretRequired", values: { min: 16, max: 200 } });
    expect(secretRefusal("short-secret")).toEqual({ key: "channel.secretLength", values: { min: 16, max: 200 } });
    expect(secretRefusal("s".repeat(201))).toEqual({ key: "channel.secretLength", values: { min: 16, max: 200 } });
    expect(secretRefusal("with a space in the middle")).toEqual({ key: "channel.secretCharacters" });
    expect(secretRefusal("비밀번호-비밀번호-비밀번호-비밀번호")).toEqual({ key: "channel.secretCharacters" });
    expect(parseChannelInput(form("webhook", { secret: "s".repeat(16) })).ok).toBe(true);
    expect(parseChannelInput(form("webhook", { secret: "!~".repeat(100) })).ok).toBe(true);
  });

  it("bot tokens and chat ids of another shape", () => {
    for (const secret of [
      "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
      "123456789:short",
      "123456789 AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
    ]) {
      expect(refusal(form("telegram", { secret }), "secret")).toEqual({ key: "channel.tokenShape" });
    }
    expect(refusal(form("telegram", { secret: "" }), "secret")).toEqual({ key: "channel.tokenRequired" });
    expect(refusal(form("telegram", { chatId: "" }), "chatId")).toEqual({ key: "channel.chatIdRequired" });
    for (const chatId of ["--100", "12a", "@ab", "https://t.me/desk", "@한국어채널"]) {
      expect(refusal(form("telegram", { chatId }), "chatId")).toEqual({ key: "channel.chatIdShape" });
    }
  });

  it("every field at once, so the form can show them all", () => {
    const parsed = parseChannelInput({ kind: "webhook", name: "", url: "http://example.com", secret: "x", locale: "" });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && Object.keys(parsed.errors).sort()).toEqual(["locale", "name", "secret", "url"]);
  });
});

describe("editing a channel", () => {
  const stored = (kind: keyof typeof GOOD): Channel => {
    const parsed = parseChannelInput(form(kind));
    if (!parsed.ok) throw new Error(`the good ${kind} form did not pass`);
    return { id: 1, enabled: true, ...parsed.value };
  };

  it("keeps the stored secret, token or address when the field is left empty", () => {
    const webhook = stored("webhook");
    expect(parseChannelInput(form("webhook", { secret: "", name: "Renamed" }), webhook)).toMatchObject({
      ok: true,
      value: { name: "Renamed", secret: WEBHOOK_SECRET, url: GOOD.webhook.url },
    });
    expect(
      parseChannelInput(form("telegram", { secret: "  ", chatId: "@desk_alerts" }), stored("telegram")),
    ).toMatchObject({
      ok: true,
      value: { secret: BOT_TOKEN, chatId: "@desk_alerts" },
    });
    expect(parseChannelInput(form("slack", { url: "" }), stored("slack"))).toMatchObject({
      ok: true,
      value: { url: SLACK_URL },
    });
    expect(parseChannelInput(form("discord", { url: undefined }), stored("discord"))).toMatchObject({
      ok: true,
      value: { url: DISCORD_URL },
    });
  });

  it("replaces a secret that is typed again, checked as new", () => {
    const webhook = stored("webhook");
    expect(parseChannelInput(form("webhook", { secret: "a-brand-new-secret-value" }), webhook)).toMatchObject({
      ok: true,
      value: { secret: "a-brand-new-secret-value" },
    });
    expect(refusal(form("webhook", { secret: "short" }), "secret", webhook)).toMatchObject({
      key: "channel.secretLength",
    });
  });

  it("keeps nothing from a channel of another kind", () => {
    expect(refusal(form("telegram", { secret: "" }), "secret", stored("webhook"))).toEqual({
      key: "channel.tokenRequired",
    });
    expect(refusal(form("discord", { url: "" }), "url", stored("slack"))).toEqual({ key: "channel.urlRequired" });
  });
});

describe("maskedTarget", () => {
  const channels: Channel[] = [
    {
      id: 1,
      enabled: true,
      locale: "en",
      name: "w",
      kind: "webhook",
      chatId: null,
      secret: WEBHOOK_SECRET,
      url: "https://example.com/hooks/agent-desk?key=query-secret-zyxwvu9876",
    },
    { id: 2, enabled: true, locale: "en", name: "s", kind: "slack", chatId: null, secret: null, url: SLACK_URL },
    { id: 3, enabled: true, locale: "en", name: "d", kind: "discord", chatId: null, secret: null, url: DISCORD_URL },
    {
      id: 4,
      enabled: true,
      locale: "en",
      name: "t",
      kind: "telegram",
      chatId: "-100123",
      secret: BOT_TOKEN,
      url: null,
    },
  ];

  it("shows enough to recognise each channel", () => {
    expect(channels.map(maskedTarget)).toEqual([
      "https://example.com/hooks/agent-desk?…",
      "hooks.slack.com/services/T…/••••",
      "discord.com/api/webhooks/123…/••••",
      "chat -100123 · bot 123456789:••••",
    ]);
    expect(maskedTarget({ ...channels[0]!, url: "https://example.com/hooks/x" })).toBe("https://example.com/hooks/x");
    // A token in the path (n8n, Zapier, Teams) is hidden like the rest.
    expect(maskedTarget({ ...channels[0]!, url: "https://n8n.example.com/webhook/8f14e45f-ceea-467a-9575" })).toBe(
      "https://n8n.example.com/webhook/••••",
    );
  });

  it("never shows any piece of a secret", () => {
    const secrets = [
      WEBHOOK_SECRET,
      "query-secret-zyxwvu9876",
      "abcdefghijklmnopqrstuvwx", // Slack's token
      "B0HIJKLMN",
      DISCORD_URL.split("/").pop()!,
      BOT_TOKEN.split(":")[1]!,
    ];
    for (const shown of channels.map(maskedTarget)) {
      for (const secret of secrets) {
        // No run of 6 characters from a secret (a token's first letters included).
        for (let i = 0; i + 6 <= secret.length; i++) expect(shown).not.toContain(secret.slice(i, i + 6));
      }
    }
  });

  it("shows nothing of an address it cannot read", () => {
    expect(maskedTarget({ kind: "slack", url: "not a url", secret: null, chatId: null })).toBe("••••");
  });
});
