import { afterEach, describe, expect, it } from "vitest";
import type { ChannelRequest } from "./channel-request";
import { RETRY_AFTER_MAX_MS, retryDelayMs, sendRequest, type SendResult } from "./send";
import { startReceiver, type Answer, type Receiver } from "./testing-receiver";

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiverAnswering(answer: (n: number) => Answer): Promise<Receiver> {
  const receiver = await startReceiver((_, n) => answer(n));
  receivers.push(receiver);
  return receiver;
}

const post = (url: string): ChannelRequest => ({
  url,
  headers: { "Content-Type": "application/json" },
  body: '{"text":"hello"}',
});

/** What the delivery loop does, in small: send, and on a failure that may pass wait as retryDelayMs says. */
async function deliverWithRetries(
  request: ChannelRequest,
  baseMs = 5,
): Promise<{ result: SendResult; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const result = await sendRequest(request, { timeoutMs: 2000 });
    if (result.ok || result.permanent) return { result, attempts: attempt };
    const delay = retryDelayMs(attempt, result.retryAfterMs, baseMs);
    if (delay === null) return { result, attempts: attempt };
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

describe("sendRequest against a real receiver", () => {
  it("retries 500, 500 and succeeds on the third attempt", async () => {
    const receiver = await receiverAnswering((n) => (n < 2 ? { status: 500, body: "upstream down" } : { status: 200 }));
    const { result, attempts } = await deliverWithRetries(post(`${receiver.url}/hook`));
    expect(result).toEqual({ ok: true, status: 200 });
    expect(attempts).toBe(3);
    expect(receiver.received).toHaveLength(3);
  });

  it("gives up after six retries of a receiver that keeps failing", async () => {
    const receiver = await receiverAnswering(() => ({ status: 503 }));
    const { result, attempts } = await deliverWithRetries(post(`${receiver.url}/hook`), 1);
    expect(result).toMatchObject({ ok: false, status: 503, permanent: false });
    expect(attempts).toBe(7);
  });

  it("honours a 429's Retry-After", async () => {
    const receiver = await receiverAnswering(() => ({
      status: 429,
      headers: { "Retry-After": "2" },
      body: "slow down",
    }));
    const result = await sendRequest(post(receiver.url));
    expect(result).toEqual({
      ok: false,
      status: 429,
      error: "HTTP 429: slow down",
      retryAfterMs: 2000,
      permanent: false,
    });
    expect(retryDelayMs(1, 2000, 5)).toBe(2000);
  });

  it("reads retry_after from Telegram's and Discord's JSON, and caps a wait at an hour", async () => {
    const telegram = await receiverAnswering(() => ({
      status: 429,
      body: '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}',
    }));
    expect(await sendRequest(post(telegram.url))).toMatchObject({
      status: 429,
      error: "HTTP 429: Too Many Requests: retry after 7",
      retryAfterMs: 7000,
      permanent: false,
    });
    const discord = await receiverAnswering(() => ({
      status: 429,
      body: '{"message":"You are being rate limited.","retry_after":0.35,"global":false}',
    }));
    expect(await sendRequest(post(discord.url))).toMatchObject({ retryAfterMs: 350, permanent: false });
    const greedy = await receiverAnswering(() => ({ status: 503, headers: { "Retry-After": "86400" } }));
    expect(await sendRequest(post(greedy.url))).toMatchObject({ retryAfterMs: RETRY_AFTER_MAX_MS });
  });

  it("calls 400 and 404 permanent: a wrong token or a deleted webhook will not heal", async () => {
    const receiver = await receiverAnswering((n) =>
      n === 0 ? { status: 400, body: "invalid_payload" } : { status: 404, body: '{"message":"Unknown Webhook"}' },
    );
    expect(await sendRequest(post(receiver.url))).toEqual({
      ok: false,
      status: 400,
      error: "HTTP 400: invalid_payload",
      retryAfterMs: null,
      permanent: true,
    });
    expect(await sendRequest(post(receiver.url))).toMatchObject({
      status: 404,
      error: "HTTP 404: Unknown Webhook",
      permanent: true,
    });
  });

  it("treats Telegram's 200 with ok:false as a failure, and never repeats the token from the address", async () => {
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const receiver = await receiverAnswering(() => ({
      status: 200,
      body: JSON.stringify({ ok: false, error_code: 400, description: `Bad Request: chat not found for bot${token}` }),
    }));
    const result = await sendRequest(post(`${receiver.url}/bot${token}/sendMessage`));
    expect(result).toMatchObject({ ok: false, status: 200, permanent: true });
    expect(!result.ok && result.error).toBe("HTTP 200: Bad Request: chat not found for bot123456789:••••");
  });

  it("does not follow a redirect", async () => {
    const inside = await receiverAnswering(() => ({ status: 200 }));
    const redirecting = await receiverAnswering(() => ({ status: 302, headers: { Location: `${inside.url}/admin` } }));
    const result = await sendRequest(post(redirecting.url));
    expect(result).toMatchObject({ ok: false, status: 302, permanent: true });
    expect(!result.ok && result.error).not.toContain(inside.url);
    expect(inside.received).toHaveLength(0);
  });

  it("times out a receiver that never answers, and may try again", async () => {
    const receiver = await receiverAnswering(() => "hang");
    const started = performance.now();
    const result = await sendRequest(post(receiver.url), { timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result).toEqual({
      ok: false,
      status: null,
      error: "no answer within 200 ms",
      retryAfterMs: null,
      permanent: false,
    });
  });

  it("may try again when nothing listens, and does not name the address", async () => {
    const receiver = await receiverAnswering(() => ({ status: 200 }));
    await receiver.close();
    const result = await sendRequest(post(`${receiver.url}/hooks/a-long-secret-token-0123456789`));
    expect(result).toMatchObject({ ok: false, status: null, permanent: false });
    expect(!result.ok && result.error).toMatch(/^could not reach the receiver \(ECONNREFUSED\)$/);
  });

  it("keeps only a short line of a large answer", async () => {
    const receiver = await receiverAnswering(() => ({
      status: 500,
      body: `<html>\n${"oops ".repeat(200_000)}</html>`,
    }));
    const result = await sendRequest(post(receiver.url));
    expect(result).toMatchObject({ ok: false, status: 500, permanent: false });
    expect(!result.ok && result.error.length).toBeLessThanOrEqual(200);
    expect(!result.ok && result.error).toMatch(/^HTTP 500: <html> oops oops/);
  });
});

describe("retryDelayMs", () => {
  it("backs off 10 s, 30 s, 90 s, 5 min, 15 min and 30 min, then gives up", () => {
    const middle = () => 0.5;
    const steps = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayMs(attempt, null, 10_000, middle));
    expect(steps).toEqual([10_000, 30_000, 90_000, 300_000, 900_000, 1_800_000, null]);
  });

  it("jitters each step by at most 20 %", () => {
    expect(retryDelayMs(1, null, 10_000, () => 0)).toBe(8000);
    expect(retryDelayMs(1, null, 10_000, () => 0.999999)).toBeLessThanOrEqual(12_000);
    const seen = new Set(Array.from({ length: 50 }, () => retryDelayMs(2, null)));
    expect(seen.size).toBeGreaterThan(1);
    for (const delay of seen) expect(delay).toBeGreaterThanOrEqual(24_000);
  });

  it("never waits less than the receiver asked, up to an hour", () => {
    expect(retryDelayMs(1, 45_000)).toBe(45_000);
    expect(retryDelayMs(6, 10 * RETRY_AFTER_MAX_MS)).toBeLessThanOrEqual(RETRY_AFTER_MAX_MS * 1.2);
    expect(retryDelayMs(1, 10 * RETRY_AFTER_MAX_MS)).toBe(RETRY_AFTER_MAX_MS);
    expect(retryDelayMs(7, 1000)).toBeNull();
  });

  it("counts attempts from 1", () => {
    expect(() => retryDelayMs(0, null)).toThrow(RangeError);
  });
});
