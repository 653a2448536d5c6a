import "server-only";
import type { ChannelRequest } from "./channel-request";

// Sending one request and judging the answer, and when to try again. A failure says whether trying again can help:
// a 429, a 5xx, a 408, a timeout or a dropped connection may pass; any other answer (a wrong token, a deleted
// webhook, a redirect) will not, so the caller gives up at once. What a failure says is kept in the delivery history:
// it names the status and the service's own reason, never the address (which holds the token for Slack, Discord and
// Telegram) and never more than a short line of the answer.

export type SendResult =
  | { ok: true; status: number }
  | {
      ok: false;
      /** The answer's HTTP status; null when none came (timeout, connection refused or dropped). */
      status: number | null;
      /** One short line for the history: no secret, no full address. */
      error: string;
      /** How long the receiver asked us to wait (Retry-After, or Telegram's and Discord's retry_after), at most 1 h. */
      retryAfterMs: number | null;
      /** Trying again cannot help. */
      permanent: boolean;
    };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const RETRY_AFTER_MAX_MS = 60 * 60 * 1000;
/** Only the start of an answer is read: enough for a reason, not enough for a hostile receiver to fill memory. */
const ANSWER_MAX_BYTES = 4096;
const ERROR_MAX_CHARS = 200;

/**
 * POSTs `request` and classifies the answer. A redirect is never followed (it is a failure): a receiver must not be
 * able to point Agent Desk at another address, such as one inside its network.
 */
export async function sendRequest(
  request: ChannelRequest,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<SendResult> {
  const hide = scrubber(request.url);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      // Covers the answer's body too: a receiver that sends headers and then stalls is timed out as well.
      signal: AbortSignal.timeout(timeoutMs),
    });
    const { status } = response;
    if (status >= 300 && status < 400) {
      await response.body?.cancel();
      return failure(status, `HTTP ${status}: a redirect, not followed`, null, true);
    }
    const answer = await readStart(response);
    const json = parseJson(answer);
    const waitMs = retryAfterMs(response.headers.get("retry-after"), json);
    if (status >= 200 && status < 300) {
      // Telegram (and some receivers) can answer 200 with {"ok": false, "error_code": …, "description": …}.
      if (isRecord(json) && json.ok === false) {
        const code = typeof json.error_code === "number" ? json.error_code : null;
        const retryable = code === null || isRetryableStatus(code);
        return failure(
          status,
          hide(`HTTP ${status}: ${reasonOf(answer, json)}`),
          retryable ? waitMs : null,
          !retryable,
        );
      }
      return { ok: true, status };
    }
    const retryable = isRetryableStatus(status);
    return failure(status, hide(`HTTP ${status}: ${reasonOf(answer, json)}`), retryable ? waitMs : null, !retryable);
  } catch (error) {
    return failure(null, hide(networkFailure(error, timeoutMs)), null, false);
  }
}

const isRetryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

function failure(status: number | null, error: string, retryAfter: number | null, permanent: boolean): SendResult {
  return { ok: false, status, error: oneLine(error), retryAfterMs: retryAfter, permanent };
}

/** The first ANSWER_MAX_BYTES of the answer's body, as text; the rest is never downloaded. */
async function readStart(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ANSWER_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, ANSWER_MAX_BYTES).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The service's own reason: Telegram's description, Discord's message, a receiver's error, or the text itself. */
function reasonOf(answer: string, json: unknown): string {
  if (isRecord(json)) {
    for (const key of ["description", "message", "error"]) {
      if (typeof json[key] === "string" && json[key] !== "") return json[key];
    }
  }
  return answer.trim() === "" ? "no reason given" : answer;
}

/** Retry-After (seconds or an HTTP date) or a JSON retry_after in seconds (Discord; Telegram's under parameters). */
function retryAfterMs(header: string | null, json: unknown): number | null {
  const found: number[] = [];
  if (header !== null && header.trim() !== "") {
    const text = header.trim();
    const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text) - Date.now();
    if (Number.isFinite(ms)) found.push(ms);
  }
  if (isRecord(json)) {
    const inParameters = isRecord(json.parameters) ? json.parameters.retry_after : undefined;
    for (const seconds of [json.retry_after, inParameters]) {
      if (typeof seconds === "number" && Number.isFinite(seconds)) found.push(seconds * 1000);
    }
  }
  if (found.length === 0) return null;
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(0, Math.ceil(Math.max(...found))));
}

/** Why no answer came, in a few words: the timeout, or the system's error code (ECONNREFUSED, ENOTFOUND, …). */
function networkFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return `could not reach the receiver (${cause.code})`;
  if (typeof cause?.message === "string") return `could not reach the receiver (${cause.message})`;
  return `could not reach the receiver (${error instanceof Error ? error.message : String(error)})`;
}

/** One line of at most ERROR_MAX_CHARS, without control characters. */
function oneLine(text: string): string {
  const flat = text.replace(/[\p{Cc}\p{Cf}\s]+/gu, " ").trim();
  return flat.length > ERROR_MAX_CHARS ? `${flat.slice(0, ERROR_MAX_CHARS - 1)}…` : flat;
}

/**
 * Hides the address and its token-like parts (path segments and query values of 16 characters or more: Slack's and
 * Discord's tokens, Telegram's bot token) wherever an answer or an error repeats them.
 */
function scrubber(url: string): (text: string) => string {
  const parts = [url];
  try {
    const parsed = new URL(url);
    parts.push(parsed.href, ...parsed.pathname.split(/[/:]/), ...parsed.searchParams.values());
  } catch {
    // An address fetch cannot parse either: only the whole of it is hidden.
  }
  const secrets = parts.filter((part) => part.length >= 16).sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((hidden, secret) => hidden.split(secret).join("••••"), text);
}

// After the first failure 10 s, then 30 s, 90 s, 5 min, 15 min and 30 min (with base 10 s): about 51 minutes in all,
// long enough to ride out a provider's bad quarter hour, short enough that an alert still means something when it
// arrives.
const BACKOFF_STEPS = [1, 3, 9, 30, 90, 180] as const;
export const MAX_RETRIES = BACKOFF_STEPS.length;

/**
 * How long to wait before the next try, after `attempt` failures (1 = after the first); null when it is time to give
 * up. Each step is jittered by ±20 % so that channels that failed together do not retry together, and is never
 * shorter than what the receiver asked for (`retryAfterMs`, at most 1 h).
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  baseMs = 10_000,
  random: () => number = Math.random,
): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be 1 or more, not ${attempt}`);
  const step = BACKOFF_STEPS[attempt - 1];
  if (step === undefined) return null;
  const jittered = Math.round(step * baseMs * (0.8 + 0.4 * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, RETRY_AFTER_MAX_MS));
}
