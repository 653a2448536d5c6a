import { createTranslator } from "use-intl/core";
import en from "@/messages/en/alerts.json";
import ko from "@/messages/ko/alerts.json";
import type { AlertEventRow } from "@/db/schema";
import { formatCount, formatDateTime, formatPercent, formatUsd } from "@/lib/format";
import type { Locale } from "@/lib/locale";
import type { Notification } from "@/lib/server/alerts/channel-request";
import { RULE_PARAMS, type RuleKind, type RuleParams } from "./rules";

// What a notification says, in the channel's language: a title naming the rule and what happened, one line per
// instance with its figure, threshold and period, and a link to the page that shows it. The webhook gets the same
// as JSON (snake_case, numbers unrounded) for receivers that act on it.

/** Words by key and values: next-intl's translator on a page, the catalogue's own here. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const CATALOGUES = { en, ko };
// Lines told in one message; the rest are counted ("…and 3 more") and listed on /alerts.
const MAX_LINES = 10;
const WEEKDAYS: Record<Locale, string[]> = {
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  ko: ["월", "화", "수", "목", "금", "토", "일"],
};

/** The alerts catalogue's words in `locale`, outside a reader's request (messages, the API's English). */
export function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ namespace: "alerts", locale, messages: { alerts: CATALOGUES[locale] } });
  return (key, values) => t(key as never, values as never);
}

/** A rule as people read it: the operator's name for it, else what it watches with its thresholds. */
export function ruleTitle(
  t: Translate,
  locale: Locale,
  rule: { kind: RuleKind; name: string | null; params: RuleParams },
  configShare: number,
): string {
  return rule.name ?? describeRule(t, locale, rule, configShare);
}

/** What a rule watches, with its thresholds, in words. */
export function describeRule(
  t: Translate,
  locale: Locale,
  { kind, params }: { kind: RuleKind; params: RuleParams },
  configShare: number,
): string {
  const p = params as Record<string, unknown>;
  const values: Record<string, string | number> = {};
  switch (kind) {
    case "spend": {
      const { period, share } = RULE_PARAMS.spend.parse(p);
      Object.assign(values, {
        period,
        share: pct(share ?? configShare, locale, 0),
        fromConfig: share === null ? "yes" : "no",
      });
      break;
    }
    case "cost_spike":
      Object.assign(values, { factor: Number(p.factor), minUsd: formatUsd(Number(p.minUsd), locale) });
      break;
    case "review_flag":
      Object.assign(values, { threshold: -0.1, days: 30, minTrades: 10 });
      break;
    case "provider_failures":
      Object.assign(values, {
        minutes: Number(p.minutes),
        rate: pct(Number(p.rate), locale, 0),
        minCalls: Number(p.minCalls),
      });
      break;
    case "quiet": {
      const q = RULE_PARAMS.quiet.parse(p);
      const days = q.days.map((d) => WEEKDAYS[locale][d - 1]).join(locale === "ko" ? "·" : ", ");
      Object.assign(values, { minutes: q.minutes, days, start: q.start, end: q.end, zone: q.zone });
      break;
    }
    case "database":
      Object.assign(values, { minFree: formatPercent(Number(p.minFreePercent), locale, 0) });
      break;
  }
  return t(`describe.${kind}`, values);
}

type Options = { publicUrl: string; zone: string; now: number; configShare?: number };

/** The message one delivery sends: events of one rule and one kind of change (grouped by the loop). */
export function notificationFor(id: string, events: AlertEventRow[], locale: Locale, options: Options): Notification {
  const t = translatorFor(locale);
  const first = events[0]!;
  const rule = { kind: first.kind as RuleKind, name: first.ruleName, params: JSON.parse(first.params) as RuleParams };
  const name = ruleTitle(t, locale, rule, options.configShare ?? 0.8);
  const titleKey = first.state === "firing" && first.repeat === 1 ? "repeat" : first.state;
  const title = t(`notify.title.${titleKey}`, { rule: name, since: formatDateTime(first.since, options.zone, locale) });
  const lines = events.slice(0, MAX_LINES).map((e) => eventLine(t, e, locale, options.zone));
  if (events.length > MAX_LINES) lines.push(t("notify.more", { count: events.length - MAX_LINES }));
  const url = linkTo(options.publicUrl, String(JSON.parse(first.facts).path ?? "/alerts"));
  return {
    id,
    text: [title, ...lines, url].join("\n"),
    payload: {
      id,
      rule: first.ruleId,
      rule_name: name,
      kind: first.kind,
      state: first.state,
      repeat: first.repeat === 1,
      message: lines.join("\n"),
      url,
      sent_at: new Date(options.now).toISOString(),
      alerts: events.map((e) => ({
        instance: e.instance,
        state: e.state,
        since: new Date(e.since).toISOString(),
        value: e.value,
        threshold: e.threshold,
        facts: JSON.parse(e.facts),
        url: linkTo(options.publicUrl, String(JSON.parse(e.facts).path ?? "/alerts")),
      })),
    },
  };
}

/** A channel's test message. */
export function testNotificationFor(
  id: string,
  channel: string,
  actor: string,
  locale: Locale,
  { publicUrl, now }: Pick<Options, "publicUrl" | "now">,
): Notification {
  const t = translatorFor(locale);
  const url = linkTo(publicUrl, "/alerts");
  const title = t("notify.title.test", { channel });
  const line = t("notify.test", { actor, url });
  return {
    id,
    text: `${title}\n${line}`,
    payload: {
      id,
      rule: null,
      rule_name: null,
      kind: "test",
      state: "test",
      repeat: false,
      message: line,
      url,
      sent_at: new Date(now).toISOString(),
      alerts: [],
    },
  };
}

/** One event in words: its figure against its threshold, and what else the rule's kind tells. */
export function eventLine(
  t: Translate,
  event: Pick<AlertEventRow, "kind" | "instance" | "value" | "threshold" | "facts">,
  locale: Locale,
  zone: string,
): string {
  const facts = JSON.parse(event.facts) as Record<string, string | number | boolean | null>;
  const usd = (v: unknown) => formatUsd(typeof v === "number" ? v : null, locale);
  const when = (v: unknown) => (typeof v === "number" ? formatDateTime(v, zone, locale) : t("notify.never"));
  const { value, threshold } = event;
  const kind = event.kind as RuleKind;
  const values = ((): Record<string, string | number> => {
    switch (kind) {
      case "spend":
        return {
          period: String(facts.period),
          sinceDate: String(facts.sinceDate ?? ""),
          value: usd(value),
          limit: usd(facts.limit),
          share: value !== null && Number(facts.limit) > 0 ? pct(value / Number(facts.limit), locale, 0) : "—",
          threshold: usd(threshold),
        };
      case "spend_forecast":
        return { rate: usd(facts.hourlyRate), value: usd(value), threshold: usd(threshold), spent: usd(facts.spent) };
      case "cost_spike": {
        const median = Number(facts.median);
        return {
          hour: when(facts.hourStart),
          value: usd(value),
          ratio: median > 0 && value !== null ? `${(value / median).toFixed(1)}×` : "∞",
          median: usd(median),
          factor: Number(facts.factor),
        };
      }
      case "review_flag":
        return {
          agent: plain(facts.agent),
          value: value === null ? "—" : formatCount(Math.round(value), locale), // KRW × contribution: whole won
          days: Number(facts.days ?? 30),
          trades: formatCount(Number(facts.trades ?? 0), locale),
          threshold: threshold ?? "—",
        };
      case "swap_breached":
        return {
          id: event.instance,
          agent: plain(facts.agent),
          fromModel: plain(facts.fromModel ?? "—"),
          toModel: plain(facts.toModel ?? "—"),
          value: value === null ? "—" : pct(value, locale, 1),
          threshold: threshold === null ? "—" : pct(threshold, locale, 0),
          rolledBackBy: String(facts.rolledBackBy ?? "none"),
          autoRollback: facts.autoRollback ? "yes" : "no",
        };
      case "swap_change":
        return {
          trigger: String(facts.trigger ?? "manual"),
          agent: plain(facts.agent),
          fromModel: plain(facts.fromModel ?? "—"),
          toModel: plain(facts.toModel ?? "—"),
          id: event.instance,
          rollbackOf: facts.rollbackOf === null || facts.rollbackOf === undefined ? "none" : String(facts.rollbackOf),
          actor: plain(facts.actor ?? t("notify.nobody")),
          reason: plain(facts.reason || t("notify.noReason")),
        };
      case "provider_failures":
        return {
          provider: plain(facts.provider),
          failures: formatCount(Number(facts.failures), locale),
          calls: formatCount(Number(facts.calls), locale),
          minutes: Number(facts.minutes),
          value: value === null ? "—" : pct(value, locale, 1),
          threshold: threshold === null ? "—" : pct(threshold, locale, 0),
          rateLimited: formatCount(Number(facts.rateLimited), locale),
          serverErrors: formatCount(Number(facts.serverErrors), locale),
        };
      case "quiet":
        return {
          // Resolved at the close: the trading system may still be silent, it is just no longer watched.
          watching: facts.openedAt === null ? "no" : "yes",
          value: value === null ? "—" : formatCount(Math.round(value), locale),
          threshold: threshold ?? "—",
          lastCall: when(facts.lastCallAt),
          lastTrade: when(facts.lastTradeAt),
        };
      case "database":
        return {
          problem: String(facts.problem ?? "none").replace("-", "_"), // ICU selectors take no hyphen
          free: typeof facts.freePercent === "number" ? formatPercent(facts.freePercent, locale, 1) : "—",
          threshold: threshold === null ? "—" : formatPercent(threshold, locale, 0),
        };
    }
  })();
  return t(`notify.body.${kind}`, values);
}

/**
 * Text the trading system wrote (agent and model names, a swap's reason), put into a message as one short line: its
 * line breaks and control characters would otherwise let it forge lines of the message (a fake "resolved", a link).
 */
function plain(value: unknown, max = 160): string {
  const text = String(value ?? "")
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A fraction as a percentage. */
function pct(fraction: number, locale: Locale, digits: number): string {
  return formatPercent(fraction * 100, locale, digits);
}

/** A page of the desk under PUBLIC_URL, which may have a path of its own (behind a proxy: /desk/). */
function linkTo(base: string, path: string): string {
  return new URL(path.replace(/^\/+/, ""), base.endsWith("/") ? base : `${base}/`).toString();
}
