import fs from "node:fs";
import type Database from "better-sqlite3";
import { measure, type MeasureSettings } from "@/db/alerts/measure";
import {
  claimDelivery,
  countFiring,
  dueDeliveries,
  readChannels,
  readEvents,
  readRules,
  readSilences,
  hasHistoryBefore,
  pruneHistory,
  readStates,
  recordAttempt,
  writeEvaluation,
} from "@/db/alerts/store";
import { DatabaseUnavailable } from "@/db";
import { openBackgroundConnection } from "@/db/connection";
import { pendingMigrations } from "@/migrations/migrate-file";
import type { AlertDelivery } from "@/db/schema";
import { evaluateRule, type ActiveSilence, type Evaluation, type InstanceState } from "@/lib/alerts/evaluate";
import { notificationFor } from "@/lib/alerts/message";
import type { AlertRule, Observation } from "@/lib/alerts/rules";
import { CountingInProgress } from "@/lib/counting-in-progress";
import { channelRequest } from "@/lib/server/alerts/channel-request";
import type { Channel } from "@/lib/server/alerts/channels";
import { retryDelayMs, sendRequest } from "@/lib/server/alerts/send";

// How often every enabled rule is measured: a condition is sent within two of these.
const EVALUATE_MS = 30_000;
// How often due deliveries (new ones, retries) are looked for: one indexed lookup.
const DELIVER_MS = 1_000;
// A send's timeout; a claimed delivery is not taken again before twice this has passed.
const SEND_TIMEOUT_MS = 10_000;
// What happened is kept this long (/alerts shows the last 100 events; /api/alerts the last 200).
const HISTORY_DAYS = 90;
// Deliveries sent at once.
const SENDS_AT_ONCE = 8;
// The trading system holds the write lock: the loop's short write is tried again this often, this many times.
const BUSY_RETRY_MS = 20;
const BUSY_TRIES = 250;

export type AlertStatus = {
  checkedAt: number | null;
  roundMs: number | null;
  /** The longest one rule's measurement held the event loop (rules are measured one per turn of it). */
  slowestRuleMs: number | null;
  /** Rule instances firing after the round. */
  firing: number;
  /** The round could not write to the file (missing, read-only, full): only the database rules were checked. */
  offline: boolean;
};

export type AlertLoopOptions = {
  file: string;
  zone: string;
  /** What rules are measured against (the agent config's limits), read again at each round: the config may change. */
  settings: () => Omit<MeasureSettings, "databasePath">;
  /** Where message links point (PUBLIC_URL). */
  publicUrl: string;
  telegramApiUrl: string;
  evaluateMs?: number;
  /** The first retry's delay; later ones grow from it (tests make it small). */
  retryBaseMs?: number;
  log?: (line: string) => void;
};

/**
 * The server's alerting, in the background beside the count: measures every enabled rule from the aggregates on a
 * schedule (never in a page request), moves each instance through ok → firing → resolved (lib/alerts/evaluate.ts)
 * in one short transaction per round, and sends what that queued, marking each delivery as it goes, so a restart
 * neither loses one nor sends one twice. Its writes use a connection of its own that never waits on the trading
 * system's lock (a busy file is tried again in a moment, off the event loop).
 *
 * The one rule that must speak when the file cannot be written is about the file itself: while the database file is
 * missing or refuses writes, the `database` rules are evaluated in memory (against the states and silences last
 * read) and sent straight to the channels last read; what happened is written to the history once the file takes
 * writes again.
 */
export class AlertLoop {
  private db: Database.Database | undefined;
  private fileId: string | undefined;
  /** The next tick of each schedule (one each: a timer kept per tick would pile up over a server's life). */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Ticks under way: stop() closes the connection only once they end, so a send that got its answer is marked. */
  private readonly running = new Set<Promise<unknown>>();
  private readonly sending = new Set<number>();
  private stopped = false;
  /**
   * What the last readable round saw, for the database rules while the file is missing: the rules, channels and
   * silences, and the states it wrote for each database rule.
   */
  private known: {
    rules: (AlertRule & { evaluatedAt: number | null })[];
    channels: Channel[];
    silences: ActiveSilence[];
    states: Map<number, InstanceState[]>;
  } = { rules: [], channels: [], silences: [], states: new Map() };
  /** The database rules' evaluations while the file cannot hold them, written by the first round that can. */
  private readonly offline = new Map<number, Evaluation>();
  private lastSettings: Omit<MeasureSettings, "databasePath"> | undefined;
  private settingsError: string | null = null;
  /** Said once: started without the file, the loop knows no channel to tell of it. */
  private saidBlind = false;
  /** The last round: when it checked, how long measuring and writing took, what fires. For /alerts and /api/health. */
  readonly status: AlertStatus = { checkedAt: null, roundMs: null, slowestRuleMs: null, firing: 0, offline: false };

  constructor(private readonly options: AlertLoopOptions) {}

  start(): this {
    const every = (name: string, ms: number, work: () => Promise<unknown>) => {
      const tick = () => {
        if (this.stopped) return;
        const run = work().catch((error) => this.log(`alerts: ${(error as Error).message}`));
        this.running.add(run);
        void run.finally(() => {
          this.running.delete(run);
          if (!this.stopped) this.timers.set(name, setTimeout(tick, ms).unref());
          else if (this.running.size === 0) this.close();
        });
      };
      this.timers.set(name, setTimeout(tick, 0).unref());
    };
    every("evaluate", this.options.evaluateMs ?? EVALUATE_MS, () => this.evaluate());
    every("deliver", DELIVER_MS, () => this.deliver());
    return this;
  }

  /**
   * Stops the schedules. A tick under way finishes first (a round waiting for the lock is still written, a send that
   * got its answer is marked), then the connection is closed; what it queued is left for the next loop to send.
   */
  stop(): void {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    if (this.running.size === 0) this.close();
  }

  /** One round: every enabled rule measured, and its changes written (and queued for sending) in one transaction. */
  async evaluate(now = Date.now()): Promise<void> {
    const began = performance.now();
    const db = this.connection();
    if (db) [this.known.rules, this.known.channels] = [readRules(db), readChannels(db)];
    const rules = this.known.rules.filter((rule) => rule.enabled);
    const settings = { ...this.settings(), databasePath: this.options.file };
    const clock = { now, zone: this.options.zone };
    const measured: { rule: AlertRule; observations: Observation[]; firstLook: boolean }[] = [];
    // A file that is there but cannot be opened (damaged, not SQLite): the filesystem alone calls it fine.
    const unreadable = !db && this.unreadable();
    let slowest = 0;
    for (const rule of rules) {
      if (!db && rule.kind !== "database") continue;
      // One rule at a time, the event loop free between them: a request waits at most one rule's measurement.
      await new Promise((resolve) => setImmediate(resolve));
      const started = performance.now();
      try {
        const observations = measure(rule, clock, settings).map((o) =>
          unreadable && rule.kind === "database"
            ? { ...o, firing: true, facts: { ...o.facts, problem: "unreadable" } }
            : o,
        );
        measured.push({ rule, observations, firstLook: rule.evaluatedAt === null });
        slowest = Math.max(slowest, performance.now() - started);
      } catch (error) {
        // Figures still being counted, or a file that went away since, are measured at the next round; anything
        // else is said and skipped.
        if (!(error instanceof CountingInProgress) && !(error instanceof DatabaseUnavailable))
          this.log(`alerts: rule ${rule.id} (${rule.kind}): ${(error as Error).message}`);
      }
    }
    if (db && this.offline.size === 0 && nothingChanges(db, measured, now)) {
      // A round that finds all as it was takes no write lock at all: the trading system's writer never waits for it.
      this.setStatus(now, began, slowest, countFiring(db), false);
      await this.deliver(now);
      return;
    }
    if (db) {
      try {
        await this.write(db, () => {
          // What the database rules did while the file refused writes goes into the history first.
          for (const [ruleId, held] of this.offline) {
            const rule = this.known.rules.find((r) => r.id === ruleId);
            if (rule) writeEvaluation(db, rule, held, [], now);
          }
          const silences = readSilences(db, now);
          const channels = readChannels(db);
          this.known.silences = silences;
          // An operator may have switched a rule off, deleted or changed it while the round measured: such a
          // rule's measurement is dropped rather than written back over the change.
          const current = new Map(readRules(db).map((r) => [r.id, r]));
          for (const { rule, observations, firstLook } of measured) {
            const stored = current.get(rule.id);
            if (
              !stored?.enabled ||
              stored.kind !== rule.kind ||
              JSON.stringify(stored.params) !== JSON.stringify(rule.params)
            )
              continue;
            const previous = readStates(db, rule.id);
            const evaluation = evaluateRule(rule, observations, previous, silences, now, firstLook);
            writeEvaluation(db, rule, evaluation, channels, now, previous);
            if (rule.kind === "database") this.known.states.set(rule.id, evaluation.states);
          }
          pruneHistory(db, historyCutoff(now));
          this.setStatus(now, began, slowest, countFiring(db), false);
        });
        this.offline.clear();
        // Stopped while waiting for the lock: what the round queued is the next loop's to send.
        if (!this.stopped) await this.deliver(now);
        return;
      } catch (error) {
        if (!isWriteRefused(error)) throw error;
      }
    }
    if (!db && this.known.channels.length === 0 && !this.saidBlind) {
      this.saidBlind = true;
      this.log("alerts: the database file cannot be read and no channel is known yet: nothing can be sent until it is");
    }
    this.evaluateOffline(
      db,
      measured.filter((m) => m.rule.kind === "database"),
      now,
    );
    const firing = [...this.offline.values()].reduce((n, e) => n + e.states.length, 0);
    this.setStatus(now, began, slowest, firing, true);
  }

  /**
   * The agent config's limits as it says them now; while it cannot be read (an edit half-saved, a YAML error), the
   * last ones read, so the database and swap rules go on being checked. Said once per change of the error.
   */
  private settings(): Omit<MeasureSettings, "databasePath"> {
    try {
      this.lastSettings = this.options.settings();
      this.settingsError = null;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.settingsError)
        this.log(`alerts: the agent config cannot be read (${message}); using the last limits read`);
      this.settingsError = message;
      if (!this.lastSettings) throw error;
    }
    return this.lastSettings;
  }

  private setStatus(now: number, began: number, slowestRuleMs: number, firing: number, offline: boolean): void {
    Object.assign(this.status, { checkedAt: now, roundMs: performance.now() - began, slowestRuleMs, firing, offline });
  }

  /** Sends every due delivery (a few at a time), each claimed first and marked after. */
  async deliver(now = Date.now()): Promise<void> {
    const db = this.stopped ? undefined : this.connection();
    if (!db) return;
    let due: AlertDelivery[];
    try {
      due = dueDeliveries(db, now, SENDS_AT_ONCE).filter((d) => !this.sending.has(d.id));
    } catch (error) {
      if (isWriteRefused(error)) return;
      throw error;
    }
    const channels = new Map(readChannels(db).map((c) => [c.id, c]));
    await Promise.all(due.map((delivery) => this.send(db, delivery, channels.get(delivery.channelId), now)));
  }

  private async send(db: Database.Database, delivery: AlertDelivery, channel: Channel | undefined, now: number) {
    if (!(await this.write(db, () => claimDelivery(db, delivery, now, SEND_TIMEOUT_MS * 2)))) return;
    const record = (outcome: Parameters<typeof recordAttempt>[2]) =>
      this.write(db, () => recordAttempt(db, delivery.id, outcome));
    if (!channel?.enabled)
      return record({ status: "failed", httpStatus: null, error: "the channel was removed", nextAttemptAt: now });
    this.sending.add(delivery.id);
    try {
      let notification: ReturnType<typeof notificationFor>;
      try {
        const events = readEvents(db, JSON.parse(delivery.eventIds) as number[]);
        notification = notificationFor(`d-${delivery.id}`, events, channel.locale, {
          publicUrl: this.options.publicUrl,
          zone: this.options.zone,
          now: Date.now(),
          configShare: this.settings().costAlertThreshold,
        });
      } catch (error) {
        // A message that cannot be put into words now will not be later: given up, not retried every 20 s forever.
        const why = `the message could not be made: ${(error as Error).message}`;
        return await record({ status: "failed", httpStatus: null, error: why.slice(0, 200), nextAttemptAt: now });
      }
      const answer = await this.post(channel, notification);
      if (answer.ok) return await record({ status: "sent", httpStatus: answer.status, at: Date.now() });
      const delay = answer.permanent
        ? null
        : retryDelayMs(delivery.attempts + 1, answer.retryAfterMs, this.options.retryBaseMs);
      await record({
        status: delay === null ? "failed" : "pending",
        httpStatus: answer.status,
        error: answer.error,
        nextAttemptAt: Date.now() + (delay ?? 0),
      });
    } finally {
      this.sending.delete(delivery.id);
    }
  }

  /** One POST to a channel; a channel that cannot be sent to (a stored row short of its address) is a failure. */
  private async post(channel: Channel, notification: ReturnType<typeof notificationFor>) {
    try {
      const request = channelRequest(channel, notification, {
        telegramApiUrl: this.options.telegramApiUrl,
        now: Date.now(),
      });
      return await sendRequest(request, { timeoutMs: SEND_TIMEOUT_MS });
    } catch (error) {
      return { ok: false as const, status: null, error: (error as Error).message, retryAfterMs: null, permanent: true };
    }
  }

  /**
   * The database rules while the file cannot take writes: evaluated against the states last written (or kept here
   * since) and the silences last read, and sent straight to the channels last read, with retries in this process.
   * What happened, sent or held by a silence, is kept (as not to send again) for the first round that can write it.
   */
  private evaluateOffline(
    db: Database.Database | undefined,
    measured: { rule: AlertRule; observations: Observation[] }[],
    now: number,
  ): void {
    for (const { rule, observations } of measured) {
      const held = this.offline.get(rule.id);
      const previous = held?.states ?? (db ? readStates(db, rule.id) : (this.known.states.get(rule.id) ?? []));
      const evaluation = evaluateRule(rule, observations, previous, this.known.silences, now, false);
      const happened = evaluation.transitions.map((t) => ({ ...t, at: now, send: false }));
      this.offline.set(rule.id, {
        states: evaluation.states,
        transitions: [...(held?.transitions ?? []), ...happened],
      });
      for (const transition of evaluation.transitions.filter((t) => t.send)) {
        const event = {
          id: 0,
          ruleId: rule.id,
          kind: rule.kind,
          ruleName: rule.name,
          params: JSON.stringify(rule.params),
          instance: transition.instance,
          state: transition.state,
          repeat: transition.repeat ? 1 : 0,
          at: now,
          since: transition.since,
          value: transition.value,
          threshold: transition.threshold,
          facts: JSON.stringify(transition.facts),
          silenceId: null,
        };
        for (const channel of this.known.channels.filter((c) => c.enabled)) {
          const notification = notificationFor(`f-${rule.id}-${now}-${channel.id}`, [event], channel.locale, {
            publicUrl: this.options.publicUrl,
            zone: this.options.zone,
            now,
            configShare: this.settings().costAlertThreshold,
          });
          void this.postWithRetries(channel, notification);
        }
      }
    }
  }

  private async postWithRetries(channel: Channel, notification: ReturnType<typeof notificationFor>) {
    for (let attempt = 1; !this.stopped; attempt++) {
      const answer = await this.post(channel, notification);
      if (answer.ok) return;
      const delay = answer.permanent ? null : retryDelayMs(attempt, answer.retryAfterMs, this.options.retryBaseMs);
      if (delay === null) return this.log(`alerts: ${channel.name}: ${answer.error}`);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }

  /** Runs a short write transaction, trying again while the trading system holds the lock (never blocking on it). */
  private async write<T>(db: Database.Database, work: () => T): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return db.transaction(work).immediate();
      } catch (error) {
        const busy = String((error as { code?: unknown } | null)?.code ?? "").startsWith("SQLITE_BUSY");
        if (!busy || tries >= BUSY_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      }
    }
  }

  /** The loop's own connection to the file at the path now (opened again for a restored file); none while missing. */
  private connection(): Database.Database | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.options.file);
    } catch {
      this.close();
      return undefined;
    }
    const id = `${stat.dev}:${stat.ino}`;
    if (this.db && this.fileId === id) return this.db;
    this.close();
    try {
      const db = openBackgroundConnection(this.options.file);
      readRules(db); // a file without Agent Desk's tables yet (being migrated) is no connection
      [this.db, this.fileId] = [db, id];
      return db;
    } catch {
      return undefined;
    }
  }

  /**
   * The file is at its path, yet the loop could not open it or read its rules: damaged, or no SQLite file. Not while
   * it is being brought to the current schema (a restored backup), which takes a moment and is no fault.
   */
  private unreadable(): boolean {
    if (!fs.existsSync(this.options.file)) return false;
    try {
      return pendingMigrations(this.options.file).length === 0;
    } catch {
      return true;
    }
  }

  private close(): void {
    this.db?.close();
    [this.db, this.fileId] = [undefined, undefined];
  }

  private log(line: string): void {
    (this.options.log ?? console.error)(line);
  }
}

/** Events before this are forgotten. */
const historyCutoff = (now: number) => now - HISTORY_DAYS * 86_400_000;

/**
 * True when writing the round would change nothing: every rule has looked before, no instance changes state or
 * figure, and no history is old enough to forget. Read on the loop's connection without a transaction.
 */
function nothingChanges(
  db: Database.Database,
  measured: { rule: AlertRule & { evaluatedAt?: number | null }; observations: Observation[]; firstLook: boolean }[],
  now: number,
): boolean {
  if (hasHistoryBefore(db, historyCutoff(now))) return false;
  const silences = readSilences(db, now);
  return measured.every(({ rule, observations, firstLook }) => {
    if (firstLook) return false;
    const previous = readStates(db, rule.id);
    const evaluation = evaluateRule(rule, observations, previous, silences, now, firstLook);
    return evaluation.transitions.length === 0 && JSON.stringify(previous) === JSON.stringify(evaluation.states);
  });
}

/** The file refuses the write (read-only, full) or is held: what the database rule is for. */
function isWriteRefused(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  return (
    code.startsWith("SQLITE_READONLY") ||
    code === "SQLITE_FULL" ||
    code === "SQLITE_CANTOPEN" ||
    code === "SQLITE_IOERR"
  );
}

// One loop per server process, kept across hot reloads in development.
const global = globalThis as typeof globalThis & { agentDeskAlerts?: AlertLoop };

/** The running loop's last round, or null when this process runs none (tests, the command line). */
export function alertStatus(): AlertStatus | null {
  return global.agentDeskAlerts?.status ?? null;
}

/** Starts the server's alerting (instrumentation-node.ts, at boot); a second call returns the running one. */
export function startAlertLoop(options: AlertLoopOptions): AlertLoop {
  global.agentDeskAlerts ??= new AlertLoop(options).start();
  return global.agentDeskAlerts;
}
