// Each kind of rule whose condition depends on wall time, through the real loop on a file the trading system's
// Python writer filled: fires within two evaluation intervals of the condition becoming true, is sent once (to a
// signed webhook and a Slack stand-in, both real HTTP receivers), resolves within two intervals of clearing, and
// waits out a silence.
// The loop is driven by explicit instants (the condition written at t0, evaluated at t0 + 30 s and t0 + 60 s).
import { afterEach, describe, expect, it } from "vitest";
import { llmCall, pythonWrites, seoul, trade } from "@/db/alerts/trading-writes";
import {
  closeAll,
  deskWithRule,
  events,
  inbox,
  page,
  RULES,
  silence,
  unsilence,
  type WebhookBody,
} from "./alert-loop-testing";

afterEach(closeAll);

// The server's evaluation interval: the instants below are this far apart.
const I = 30_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Moment = { t0: number; write?: (file: string) => void };
type Lifecycle = {
  ruleId: number;
  kind: string;
  /** The condition becomes true at t0 (after `write`); `before`: it was not true just before. */
  fire: Moment & { before?: boolean };
  /** It no longer holds from t0 (after `write`). */
  clear: Moment;
  /** It holds again from t0 while the rule (or `instance`) is silenced. */
  again: Moment & { instance?: string };
  /** What the firing message says: the instance, its figure and threshold, words of its text, the page it links. */
  firing: { instance?: string; value: number; threshold: number; words: (string | RegExp)[]; path: string };
};

/** Runs one rule through ok → firing → resolved → firing held by a silence → sent when the silence ends. */
async function lifecycle(life: Lifecycle): Promise<void> {
  const desk = await deskWithRule(life.ruleId);
  const loop = desk.loop();
  const take = inbox(desk);
  const nothingSent = () => expect(take()).toEqual({ bodies: [], texts: [] });
  const sentOnce = (state: string) => {
    const { bodies, texts } = take();
    expect(bodies.map((b) => [b.kind, b.state])).toEqual([[life.kind, state]]);
    expect(texts).toHaveLength(1);
    return { body: bodies[0]!, text: texts[0]! };
  };
  const expectFiring = ({ body, text }: { body: WebhookBody; text: string }) => {
    const [alert, ...more] = body.alerts;
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ instance: life.firing.instance ?? "", state: "firing" });
    expect(alert!.value).toBeCloseTo(life.firing.value, 6);
    expect(alert!.threshold).toBeCloseTo(life.firing.threshold, 6);
    expect(body).toMatchObject({ repeat: false, url: page(life.firing.path) });
    for (const words of life.firing.words)
      if (typeof words === "string") expect(text).toContain(words);
      else expect(text).toMatch(words);
    expect(text).toContain(page(life.firing.path));
  };

  life.fire.write?.(desk.file);
  if (life.fire.before !== false) {
    await loop.evaluate(life.fire.t0 - I);
    nothingSent();
  }
  await loop.evaluate(life.fire.t0 + I);
  expectFiring(sentOnce("firing"));
  await loop.evaluate(life.fire.t0 + 2 * I);
  nothingSent();

  life.clear.write?.(desk.file);
  await loop.evaluate(life.clear.t0 + I);
  nothingSent(); // clear at one round: it resolves only if still clear at the next (no flapping at a threshold)
  await loop.evaluate(life.clear.t0 + 2 * I);
  const resolved = sentOnce("resolved");
  expect(resolved.body.alerts[0]).toMatchObject({ instance: life.firing.instance ?? "", state: "resolved" });
  expect(resolved.text).toContain("Resolved");
  await loop.evaluate(life.clear.t0 + 3 * I);
  nothingSent();

  const silenceId = silence(life.ruleId, { now: life.again.t0 - I, instance: life.again.instance });
  life.again.write?.(desk.file);
  await loop.evaluate(life.again.t0 + I);
  await loop.evaluate(life.again.t0 + 2 * I);
  nothingSent();
  const held = events(desk.file, life.ruleId).at(-1)!;
  expect(held).toMatchObject({ state: "firing", silence_id: silenceId, at: life.again.t0 + I });
  unsilence(silenceId, life.again.t0 + 2 * I + 1);
  await loop.evaluate(life.again.t0 + 3 * I);
  const { body } = sentOnce("firing");
  expect(body).toMatchObject({ repeat: false });
  await loop.evaluate(life.again.t0 + 4 * I);
  nothingSent();
}

describe("the alert loop, rule by rule", () => {
  it("spend (day): past the config's share of the daily limit; resolved at midnight", async () => {
    const t0 = seoul("2030-03-06T10:00");
    const t1 = seoul("2030-03-07T09:00");
    await lifecycle({
      ruleId: RULES.spendDay,
      kind: "spend",
      fire: { t0, write: (file) => pythonWrites(file, [llmCall(t0, { cost: 45 })]) },
      clear: { t0: seoul("2030-03-07T00:00") },
      again: { t0: t1, write: (file) => pythonWrites(file, [llmCall(t1, { cost: 41 })]) },
      firing: {
        value: 45,
        threshold: 40,
        words: ["LLM spend today: $45.00, 90% of the daily limit $50.00 (alert at $40.00)"],
        path: "/costs?from=2030-03-06&to=2030-03-06",
      },
    });
  });

  it("spend (week): past the share of the weekly limit since Monday; resolved when the next week starts", async () => {
    const t0 = seoul("2030-03-06T10:00");
    const t1 = seoul("2030-03-12T10:00");
    await lifecycle({
      ruleId: RULES.spendWeek,
      kind: "spend",
      fire: {
        t0,
        write: (file) =>
          pythonWrites(file, [llmCall(seoul("2030-03-04T09:00"), { cost: 150 }), llmCall(t0, { cost: 100 })]),
      },
      clear: { t0: seoul("2030-03-11T00:00") },
      again: { t0: t1, write: (file) => pythonWrites(file, [llmCall(t1, { cost: 260 })]) },
      firing: {
        value: 250,
        threshold: 240,
        words: ["LLM spend this week (since 2030-03-04): $250.00", "weekly limit $300.00"],
        path: "/costs?from=2030-03-04&to=2030-03-06",
      },
    });
  });

  it("spend_forecast: today's spend plus the last hour's rate would pass the daily limit", async () => {
    const t0 = seoul("2030-03-13T10:15");
    const t1 = seoul("2030-03-14T10:15");
    const spendingDay = (at: number) => (file: string) =>
      pythonWrites(file, [
        llmCall(at - 2 * HOUR - 15 * 60_000, { cost: 1 }),
        llmCall(at - 30 * 60_000, { cost: 2 }),
        llmCall(at, { cost: 3 }),
      ]);
    // At 10:15:30: 6 spent, 5 of it in the last hour, for the hours left until midnight.
    const forecast = 6 + 5 * ((seoul("2030-03-14T00:00") - (t0 + I)) / HOUR);
    await lifecycle({
      ruleId: RULES.spendForecast,
      kind: "spend_forecast",
      fire: { t0, write: spendingDay(t0) },
      clear: { t0: seoul("2030-03-13T11:30") }, // nothing spent in the hour before: 6 by midnight
      again: { t0: t1, write: spendingDay(t1) },
      firing: {
        value: forecast,
        threshold: 50,
        words: [`At the last hour's rate ($5.00/h) today's LLM spend reaches $${forecast.toFixed(2)} by midnight`],
        path: "/costs?from=2030-03-13&to=2030-03-13",
      },
    });
  });

  it("cost_spike: the last whole hour past 3× the same hour's median over 14 days", async () => {
    const history = Array.from({ length: 14 }, (_, i) => llmCall(seoul("2030-03-19T09:20") - i * DAY, { cost: 1 }));
    await lifecycle({
      ruleId: RULES.costSpike,
      kind: "cost_spike",
      // Written during the hour; the hour is whole (and the last) from 10:00.
      fire: {
        t0: seoul("2030-03-20T10:00"),
        write: (file) => pythonWrites(file, [...history, llmCall(seoul("2030-03-20T09:10"), { cost: 3.5 })]),
      },
      clear: { t0: seoul("2030-03-20T11:00") },
      again: {
        t0: seoul("2030-03-21T10:00"),
        write: (file) => pythonWrites(file, [llmCall(seoul("2030-03-21T09:10"), { cost: 4 })]),
      },
      firing: {
        value: 3.5,
        threshold: 3,
        words: ["$3.50, 3.5× the median of the same hour over 14 days ($1.00)"],
        path: "/costs?from=2030-03-20&to=2030-03-20",
      },
    });
  });

  it("review_flag: an agent the review rule flags, one alert per agent", async () => {
    const t0 = seoul("2030-05-10T12:00");
    const t1 = t0 + 2 * HOUR;
    const losses = (at: number, n: number, pnl: number) =>
      Array.from({ length: n }, (_, i) => trade(`LOSS-${at}-${i}`, at - i * DAY, { risk_analyst: 0.5, cio: 0.5 }, pnl));
    const wins = Array.from({ length: 10 }, (_, i) => trade(`WIN-${i}`, t0 - (i + 1) * DAY, { cio: 1 }, 50_000));
    await lifecycle({
      ruleId: RULES.reviewFlag,
      kind: "review_flag",
      // The tenth losing trade, at t0, gives risk_analyst enough trades to be judged.
      fire: { t0, write: (file) => pythonWrites(file, [...wins, ...losses(t0, 10, -20_000)]) },
      clear: {
        t0: t0 + HOUR,
        write: (file) => pythonWrites(file, [trade("WIN-RISK", t0 + HOUR, { risk_analyst: 1 }, 200_000)]),
      },
      again: { t0: t1, instance: "risk_analyst", write: (file) => pythonWrites(file, losses(t1, 10, -50_000)) },
      firing: {
        instance: "risk_analyst",
        value: -10_000,
        threshold: -0.1,
        words: [/risk_analyst: efficiency score -10,?000(\.0+)? over 30 days in 10 trades/],
        path: "/review",
      },
    });
  });

  it("provider_failures: a provider's failed share over the last 5 minutes, one alert per provider", async () => {
    const t0 = seoul("2030-03-06T10:30");
    const t1 = t0 + 10 * 60_000;
    const failing = (at: number, errors: string[]) => [
      ...Array.from({ length: 20 - errors.length }, () => llmCall(at)),
      ...errors.map((error) => llmCall(at, { error })),
    ];
    const rateLimited = "Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error'}}";
    await lifecycle({
      ruleId: RULES.providerFailures,
      kind: "provider_failures",
      fire: {
        t0,
        write: (file) =>
          pythonWrites(
            file,
            failing(t0, [rateLimited, rateLimited, rateLimited, "Error code: 529 - overloaded", "Request timed out."]),
          ),
      },
      // Six more successful calls bring it under 20 %.
      clear: { t0: t0 + 60_000, write: (file) => pythonWrites(file, failing(t0 + 60_000, []).slice(0, 6)) },
      again: {
        t0: t1,
        instance: "claude",
        write: (file) => pythonWrites(file, failing(t1, Array(10).fill(rateLimited))),
      },
      firing: {
        instance: "claude",
        value: 0.25,
        threshold: 0.2,
        words: [
          "claude: 5 of 20 calls failed in the last 5 minutes (25.0%; alert at 20%): 3 rate-limited (429), 1 server errors (5xx)",
        ],
        path: "/costs?days=1",
      },
    });
  });

  it("quiet: no LLM call and no trade for 30 minutes in working hours", async () => {
    await lifecycle({
      ruleId: RULES.quiet,
      kind: "quiet",
      // The trading system's last writes on Tuesday afternoon; Wednesday opens at 09:00: quiet for 30 minutes at 09:30.
      fire: {
        t0: seoul("2030-03-06T09:30"),
        write: (file) =>
          pythonWrites(file, [
            llmCall(seoul("2030-03-05T15:10")),
            trade("T-TUE", seoul("2030-03-05T15:00"), { cio: 1 }, 1000),
          ]),
      },
      clear: {
        t0: seoul("2030-03-06T09:40"),
        write: (file) => pythonWrites(file, [llmCall(seoul("2030-03-06T09:40"))]),
      },
      again: { t0: seoul("2030-03-06T10:10") },
      firing: {
        value: 30,
        threshold: 30,
        words: ["No LLM call and no trade for 30 minutes in working hours (alert at 30 minutes)"],
        path: "/system",
      },
    });
  });
});

describe("the alert loop, one round with several instances", () => {
  it("sends a repeat and a new firing of the same round as two messages, each titled for what it is", async () => {
    const desk = await deskWithRule(RULES.providerFailures);
    const loop = desk.loop();
    const take = inbox(desk);
    const failing = (at: number, provider: string, failures: number) =>
      Array.from({ length: 20 }, (_, i) =>
        llmCall(at, { provider, model: provider, error: i < failures ? "503 The model is overloaded." : null }),
      );
    const t0 = seoul("2030-03-06T10:30");
    pythonWrites(desk.file, failing(t0, "claude", 5));
    await loop.evaluate(t0 + I);
    expect(take().bodies.map((b) => [b.repeat, b.alerts.map((a) => a.instance)])).toEqual([[false, ["claude"]]]);

    // An hour later (the starting rule's repeat interval) claude still fails, and gemini starts to.
    const t1 = t0 + HOUR;
    pythonWrites(desk.file, [...failing(t1, "claude", 5), ...failing(t1, "gemini", 10)]);
    await loop.evaluate(t1 + I);
    const { bodies, texts } = take();
    expect(bodies.map((b) => [b.state, b.repeat, b.alerts.map((a) => a.instance)])).toEqual([
      ["firing", true, ["claude"]],
      ["firing", false, ["gemini"]],
    ]);
    expect(texts.map((text) => text.includes("Still firing since"))).toEqual([true, false]);
  });
});
