import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { capText, channelRequest, type Notification } from "./channel-request";
import type { Channel } from "./channels";
import { sendRequest } from "./send";
import { startReceiver, type Receiver } from "./testing-receiver";

const SECRET = "whsec-0123456789abcdef";
const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const NOW = Date.UTC(2026, 0, 5, 0, 30, 0, 250);

const notification: Notification = {
  id: "d-42",
  text: "LLM spend today ₩ is past 80 % <!channel> @everyone & more",
  payload: { id: "d-42", rule: 3, state: "firing", message: "LLM spend today is past 80 % — 한국어도" },
};

const channel = (kind: Channel["kind"], fields: Partial<Channel>): Channel => ({
  id: 7,
  kind,
  name: kind,
  url: null,
  secret: null,
  chatId: null,
  locale: "en",
  enabled: true,
  ...fields,
});

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** What a receiver computes: HMAC-SHA256 over the timestamp header, a dot and the body's bytes as they arrived. */
const expectedSignature = (secret: string, timestamp: string, body: Buffer) =>
  `sha256=${createHmac("sha256", secret)
    .update(Buffer.concat([Buffer.from(`${timestamp}.`), body]))
    .digest("hex")}`;

describe("a signed webhook", () => {
  it("arrives with a signature the receiver recomputes over the raw body, and a tampered body does not match", async () => {
    receiver = await startReceiver();
    const hook = channel("webhook", { url: `${receiver.url}/hooks/agent-desk?team=ops`, secret: SECRET });
    const result = await sendRequest(channelRequest(hook, notification, { telegramApiUrl: "unused", now: NOW }));
    expect(result).toEqual({ ok: true, status: 200 });

    const [got] = receiver.received;
    expect(got!.method).toBe("POST");
    expect(got!.path).toBe("/hooks/agent-desk?team=ops");
    expect(got!.headers["content-type"]).toBe("application/json");
    expect(got!.headers["user-agent"]).toBe("AgentDesk-Alerts/1");
    expect(got!.headers["x-agent-desk-delivery"]).toBe("d-42");
    const timestamp = got!.headers["x-agent-desk-timestamp"] as string;
    expect(timestamp).toBe(String(Math.floor(NOW / 1000)));
    expect(JSON.parse(got!.body.toString("utf8"))).toEqual(notification.payload);

    const signature = got!.headers["x-agent-desk-signature"];
    expect(signature).toBe(expectedSignature(SECRET, timestamp, got!.body));
    const tampered = Buffer.from(got!.body.toString("utf8").replace("firing", "resolved"));
    expect(signature).not.toBe(expectedSignature(SECRET, timestamp, tampered));
    expect(signature).not.toBe(expectedSignature(SECRET, String(Number(timestamp) + 1), got!.body));
    expect(signature).not.toBe(expectedSignature("another-secret-1234", timestamp, got!.body));
    expect(JSON.stringify(got!.headers)).not.toContain(SECRET);
  });

  it("keeps the delivery id on a retry but signs it with a fresh timestamp", () => {
    const hook = channel("webhook", { url: "https://example.com/hook", secret: SECRET });
    const first = channelRequest(hook, notification, { telegramApiUrl: "unused", now: NOW });
    const retry = channelRequest(hook, notification, { telegramApiUrl: "unused", now: NOW + 30_000 });
    expect(retry.headers["X-Agent-Desk-Delivery"]).toBe(first.headers["X-Agent-Desk-Delivery"]);
    expect(retry.headers["X-Agent-Desk-Timestamp"]).toBe(String(Math.floor(NOW / 1000) + 30));
    expect(retry.headers["X-Agent-Desk-Signature"]).not.toBe(first.headers["X-Agent-Desk-Signature"]);
  });
});

describe("chat channels reach stand-ins at their own base addresses", () => {
  it("Slack: an incoming-webhook POST of plain text, its markup escaped", async () => {
    receiver = await startReceiver(() => ({ status: 200, body: "ok" }));
    const slack = channel("slack", { url: `${receiver.url}/services/T0001/B0002/abcdefghijklmnopqrstuvwx` });
    const result = await sendRequest(channelRequest(slack, notification, { telegramApiUrl: "unused", now: NOW }));
    expect(result).toEqual({ ok: true, status: 200 });
    const [got] = receiver.received;
    expect([got!.method, got!.path]).toEqual(["POST", "/services/T0001/B0002/abcdefghijklmnopqrstuvwx"]);
    expect(got!.headers["content-type"]).toBe("application/json");
    expect(got!.headers["user-agent"]).toBe("AgentDesk-Alerts/1");
    expect(JSON.parse(got!.body.toString("utf8"))).toEqual({
      text: "LLM spend today ₩ is past 80 % &lt;!channel&gt; @everyone &amp; more",
      mrkdwn: false,
    });
  });

  it("Telegram: sendMessage under /bot<token>/ at TELEGRAM_API_URL, without parse_mode", async () => {
    receiver = await startReceiver(() => ({ status: 200, body: '{"ok":true,"result":{}}' }));
    const telegram = channel("telegram", { secret: BOT_TOKEN, chatId: "-1001234567890" });
    const request = channelRequest(telegram, notification, { telegramApiUrl: `${receiver.url}/`, now: NOW });
    expect(await sendRequest(request)).toEqual({ ok: true, status: 200 });
    const [got] = receiver.received;
    expect([got!.method, got!.path]).toEqual(["POST", `/bot${BOT_TOKEN}/sendMessage`]);
    expect(got!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(got!.body.toString("utf8"))).toEqual({
      chat_id: "-1001234567890",
      text: notification.text,
      disable_web_page_preview: true,
    });
  });

  it("Discord: content that cannot mention anyone, cut to 2,000 characters", async () => {
    receiver = await startReceiver(() => ({ status: 204 }));
    const discord = channel("discord", { url: `${receiver.url}/api/webhooks/1234567890/tok_en-abc` });
    const long = { ...notification, text: `@everyone ${"x".repeat(2500)}` };
    const result = await sendRequest(channelRequest(discord, long, { telegramApiUrl: "unused", now: NOW }));
    expect(result).toEqual({ ok: true, status: 204 });
    const [got] = receiver.received;
    expect([got!.method, got!.path]).toEqual(["POST", "/api/webhooks/1234567890/tok_en-abc"]);
    const body = JSON.parse(got!.body.toString("utf8"));
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toHaveLength(2000);
    expect(body.content.endsWith("…")).toBe(true);
  });

  it("Discord: no masked link can be made of text in a message", () => {
    const discord = channel("discord", { url: "https://discord.com/api/webhooks/1234567890/tok_en-abc" });
    const phishing = { ...notification, text: "Reason: [Open the desk](https://evil.example)" };
    const { body } = channelRequest(discord, phishing, { telegramApiUrl: "unused", now: NOW });
    expect(JSON.parse(body).content).toBe("Reason: \\[Open the desk\\](https://evil.example)");
  });
});

describe("capText", () => {
  it("leaves a short text alone and never cuts a character in half", () => {
    expect(capText("short", 10)).toBe("short");
    expect(capText("abcdef", 4)).toBe("abc…");
    const cut = capText("ab😀cd", 4); // "😀" is two UTF-16 units at 2–3
    expect(cut).toBe("ab…");
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});
