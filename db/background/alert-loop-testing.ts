// Test support for the alert loop's tests: a file the trading system's writer made with only the rules a test asks
// for switched on, channels pointing at real HTTP receivers on 127.0.0.1, and what those receivers got, read back
// (a webhook's signature checked as a receiver would).
import { createHmac, timingSafeEqual } from "node:crypto";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { alertTestFile, breachedSwap as breachedSwapAt, settingsFor, ZONE } from "@/db/alerts/trading-writes";
import { addSilence, endSilence } from "@/db/commands/alert-silences";
import { startReceiver, type Answer, type Receiver, type Received } from "@/lib/server/alerts/testing-receiver";
import { AlertLoop, type AlertLoopOptions } from "./alert-loop";

/** PUBLIC_URL as set behind a proxy that serves the desk under a path of its own. */
const PUBLIC_URL = "https://desk.example.com/desk/";
const SECRET = "a-webhook-secret-of-32-characters";
export const EVALUATE_MS = 200;

/** Migration 0011's starting rules, by what they watch. */
export const RULES = {
  spendDay: 1,
  spendWeek: 3,
  spendForecast: 5,
  costSpike: 6,
  reviewFlag: 7,
  swapBreached: 8,
  swapChange: 9,
  providerFailures: 10,
  quiet: 11,
  database: 12,
} as const;

/** Runs SQL on the file through a connection of the test's own (the operator's commands are someone else's). */
export function sql<T = unknown>(file: string, statement: string, ...params: unknown[]): T[] {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  try {
    const prepared = db.prepare(statement);
    return prepared.reader ? (prepared.all(...params) as T[]) : (prepared.run(...params), []);
  } finally {
    db.close();
  }
}

/** A file the trading system's writer made, migrated and counted, with only `ruleId` of the starting rules on. */
async function fileWithRule(ruleId: number): Promise<string> {
  const file = await alertTestFile();
  sql(file, "UPDATE agent_desk_alert_rules SET enabled = (id = ?)", ruleId);
  return file;
}

type ChannelRow = {
  kind: string;
  name: string;
  url?: string;
  secret?: string;
  chatId?: string;
  locale?: string;
};

/** A channel as the operator's form stores it. */
export function addChannel(file: string, c: ChannelRow): void {
  sql(
    file,
    `INSERT INTO agent_desk_alert_channels (kind, name, url, secret, chat_id, locale, created_by)
     VALUES (?, ?, ?, ?, ?, ?, 'test')`,
    c.kind,
    c.name,
    c.url ?? null,
    c.secret ?? null,
    c.chatId ?? null,
    c.locale ?? "en",
  );
}

/** A file, the two receivers its channels send to, and loops on it. */
export type Desk = {
  file: string;
  hook: Receiver;
  slack: Receiver;
  loop: (options?: Partial<AlertLoopOptions>) => AlertLoop;
};

const opened: { receivers: Receiver[]; loops: AlertLoop[] } = { receivers: [], loops: [] };

/** Stops every loop and closes every receiver a test opened (call in afterEach). */
export async function closeAll(): Promise<void> {
  opened.loops.splice(0).forEach((loop) => loop.stop());
  await Promise.all(opened.receivers.splice(0).map((r) => r.close()));
}

export async function receiver(answer?: (request: Received, n: number) => Answer): Promise<Receiver> {
  const r = await startReceiver(answer);
  opened.receivers.push(r);
  return r;
}

/** An alert loop on `file` as the server starts one, with the agent config's defaults and small delays. */
function alertLoop(file: string, options: Partial<AlertLoopOptions> = {}): AlertLoop {
  const loop = new AlertLoop({
    file,
    zone: ZONE,
    settings: () => settingsFor(file, true),
    publicUrl: PUBLIC_URL,
    telegramApiUrl: "http://127.0.0.1:9/telegram",
    evaluateMs: EVALUATE_MS,
    retryBaseMs: 20,
    log: () => {},
    ...options,
  });
  opened.loops.push(loop);
  return loop;
}

/** A file with one rule on, a signed webhook and a Slack stand-in listening (both in English). */
export async function deskWithRule(ruleId: number, answer?: (request: Received, n: number) => Answer): Promise<Desk> {
  const file = await fileWithRule(ruleId);
  const hook = await receiver(answer);
  const slack = await receiver();
  addChannel(file, { kind: "webhook", name: "ops hook", url: `${hook.url}/alerts`, secret: SECRET });
  addChannel(file, { kind: "slack", name: "ops slack", url: `${slack.url}/services/T0001/B0001/slacktoken0001` });
  return { file, hook, slack, loop: (options) => alertLoop(file, options) };
}

export type WebhookBody = {
  id: string;
  kind: string;
  state: string;
  repeat: boolean;
  url: string;
  message: string;
  alerts: {
    instance: string;
    state: string;
    value: number | null;
    threshold: number | null;
    facts: Record<string, unknown>;
    url: string;
  }[];
};

/** The webhook bodies received, each checked as the README tells receivers to: HMAC-SHA256 of `timestamp.body`. */
export function webhookBodies(hook: Receiver): WebhookBody[] {
  return hook.received.map((r) => {
    const timestamp = String(r.headers["x-agent-desk-timestamp"]);
    const mac = createHmac("sha256", SECRET).update(`${timestamp}.`).update(r.body).digest("hex");
    const signature = Buffer.from(String(r.headers["x-agent-desk-signature"]));
    const expected = Buffer.from(`sha256=${mac}`);
    expect(signature.length === expected.length && timingSafeEqual(signature, expected), "signature").toBe(true);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
    return JSON.parse(r.body.toString("utf8")) as WebhookBody;
  });
}

/** The Slack stand-in's texts, with Slack's three escapes undone (as Slack shows them). */
function slackTexts(slack: Receiver): string[] {
  return slack.received.map((r) =>
    (JSON.parse(r.body.toString("utf8")) as { text: string }).text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&"),
  );
}

/** Reads what arrived since the last call: each call returns only the new webhook bodies and Slack texts. */
export function inbox(desk: Desk): () => { bodies: WebhookBody[]; texts: string[] } {
  let seen = { hook: 0, slack: 0 };
  return () => {
    const bodies = webhookBodies(desk.hook).slice(seen.hook);
    const texts = slackTexts(desk.slack).slice(seen.slack);
    seen = { hook: seen.hook + bodies.length, slack: seen.slack + texts.length };
    return { bodies, texts };
  };
}

/** A desk page under PUBLIC_URL. */
export const page = (path: string) => new URL(path.replace(/^\//, ""), PUBLIC_URL).toString();

/**
 * Counts the rounds (or delivery passes) a loop begins and ends, to wait for some to pass while it runs on its own
 * (the file may be gone: the history cannot tell).
 */
export function roundsOf(loop: AlertLoop, which: "evaluate" | "deliver" = "evaluate") {
  let [begun, ended] = [0, 0];
  const work = loop[which].bind(loop);
  loop[which] = (now?: number) => {
    begun++;
    return work(now).finally(() => ended++);
  };
  return {
    begun: () => begun,
    pass: (n: number) => {
      const until = ended + n;
      return waitFor(`${n} ${which} rounds`, () => ended >= until);
    },
  };
}

/** Waits until `check` holds, looking every 20 ms, failing after `deadlineMs`. */
export async function waitFor(what: string, check: () => boolean, deadlineMs = 5000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type EventRow = {
  id: number;
  instance: string;
  state: string;
  repeat: number;
  at: number;
  value: number | null;
  threshold: number | null;
  facts: string;
  silence_id: number | null;
};

/** The rule's history, oldest first. */
export const events = (file: string, ruleId: number) =>
  sql<EventRow>(file, "SELECT * FROM agent_desk_alert_events WHERE rule_id = ? ORDER BY id", ruleId);

type DeliveryRow = {
  id: number;
  channel_name: string;
  event_ids: string;
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  sent_at: number | null;
};

export const deliveries = (file: string) =>
  sql<DeliveryRow>(file, "SELECT * FROM agent_desk_alert_deliveries ORDER BY id");

const say = ({ key }: { key: string }) => key;

/** An operator's silence of a rule (or one instance of it) from `now` for `hours`, through the command. */
export function silence(ruleId: number, { hours = 1, instance = "", now = Date.now() } = {}): number {
  const form = new Map<string, unknown>([
    ["rule_id", String(ruleId)],
    ["hours", String(hours)],
    ["reason", "maintenance"],
    ["instance", instance],
  ]);
  const outcome = addSilence(form, "operator", say, now);
  if (!outcome.ok) throw new Error(`silence refused: ${JSON.stringify(outcome)}`);
  return (outcome as { id: number }).id;
}

export function unsilence(id: number, now = Date.now()): void {
  const outcome = endSilence(id, say, now);
  if (!outcome.ok) throw new Error(`ending the silence refused: ${JSON.stringify(outcome)}`);
}

/** A breached swap (trading-writes.ts `breachedSwap`) 5 days ago by the real clock, from opus-4.1 to `to`. */
export function breachedSwap(agent: string, to: [provider: string, model: string]) {
  return breachedSwapAt(Date.now() - 5 * 24 * 3_600_000, agent, ["claude", "opus-4.1"], to);
}

/** The newest swap the trading system recorded for `agent`. */
export function newestSwapOf(file: string, agent: string): number {
  return sql<{ id: number }>(file, "SELECT max(id) AS id FROM model_evolution_history WHERE agent_name = ?", agent)[0]!
    .id;
}
