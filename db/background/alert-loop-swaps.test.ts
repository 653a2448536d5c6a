// The swap rules through the started loop (swaps are dated by the real clock: Agent Desk records its rollbacks at
// the real now): a breached swap fires within two evaluation intervals and resolves when rolled back; every swap
// recorded is a notice sent once. Both wait out a silence; real HTTP receivers, the trading system's Python writer.
import { afterEach, describe, expect, it } from "vitest";
import { pythonWrites, swap } from "@/db/alerts/trading-writes";
import { AUTO_ROLLBACK_ACTOR } from "@/db/commands/auto-rollback";
import { rollbackSwap } from "@/db/commands/model-swaps";
import {
  breachedSwap,
  closeAll,
  deskWithRule,
  EVALUATE_MS,
  events,
  inbox,
  newestSwapOf,
  page,
  roundsOf,
  RULES,
  silence,
  unsilence,
  waitFor,
} from "./alert-loop-testing";

afterEach(closeAll);

const DAY = 86_400_000;

describe("the alert loop, swap rules", () => {
  it("swap_breached: fires for a breached swap, resolves once AUTO_ROLLBACK rolls it back, waits out a silence", async () => {
    const desk = await deskWithRule(RULES.swapBreached);
    const take = inbox(desk);
    const loop = desk.loop();
    const rounds = roundsOf(loop);
    loop.start();
    await rounds.pass(1);

    pythonWrites(desk.file, breachedSwap("strategy_optimizer", ["claude", "sonnet-4"]));
    const written = Date.now();
    const first = newestSwapOf(desk.file, "strategy_optimizer");
    await waitFor("the firing", () => desk.hook.received.length + desk.slack.received.length === 2);
    const fired = take();
    expect(fired.bodies).toHaveLength(1);
    const [body] = fired.bodies;
    expect(body).toMatchObject({ kind: "swap_breached", state: "firing", url: page(`/evolution/${first}`) });
    expect(body!.alerts).toHaveLength(1);
    expect(body!.alerts[0]).toMatchObject({ instance: String(first), threshold: -0.1 });
    expect(body!.alerts[0]!.value).toBeCloseTo(-0.75, 9); // success 1 → 0.25, relative to 1
    expect(fired.texts[0]).toContain(
      `Swap #${first} of strategy_optimizer, opus-4.1 → sonnet-4: realized -75.0% against its rollback threshold -10%. AUTO_ROLLBACK is on`,
    );
    expect(fired.texts[0]).toContain(page(`/evolution/${first}`));
    const [firing] = events(desk.file, RULES.swapBreached);
    expect(firing!.at - written).toBeLessThanOrEqual(2 * EVALUATE_MS);
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });

    expect(rollbackSwap(first, { name: AUTO_ROLLBACK_ACTOR, trigger: "automatic" })).toMatchObject({ ok: true });
    await waitFor("the resolution", () => desk.hook.received.length + desk.slack.received.length === 4);
    const resolved = take();
    expect(resolved.bodies.map((b) => [b.state, b.alerts[0]!.instance, b.alerts[0]!.facts.rolledBackBy])).toEqual([
      ["resolved", String(first), "automatic"],
    ]);
    expect(resolved.texts[0]).toContain("AUTO_ROLLBACK rolled it back.");
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });

    // Silenced, another swap breaches: noted in the history, sent once the silence ends.
    const silenceId = silence(RULES.swapBreached);
    pythonWrites(desk.file, breachedSwap("model_benchmarker", ["gpt", "gpt-5"]));
    const second = newestSwapOf(desk.file, "model_benchmarker");
    await waitFor("the held firing", () =>
      events(desk.file, RULES.swapBreached).some((e) => e.instance === String(second)),
    );
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });
    expect(events(desk.file, RULES.swapBreached).at(-1)).toMatchObject({
      instance: String(second),
      state: "firing",
      silence_id: silenceId,
    });
    unsilence(silenceId);
    await waitFor("the firing after the silence", () => desk.hook.received.length + desk.slack.received.length === 6);
    expect(take().bodies.map((b) => [b.state, b.repeat, b.alerts.map((a) => a.instance)])).toEqual([
      ["firing", false, [String(second)]],
    ]);
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });
  });

  it("swap_change: each swap recorded is a notice sent once; older ones and silenced ones are never sent", async () => {
    const desk = await deskWithRule(RULES.swapChange);
    const take = inbox(desk);
    // A swap of yesterday, before the desk looks: taken in at its first look, not announced.
    pythonWrites(desk.file, [swap(Date.now() - DAY, "cio", ["claude", "opus-4.1"], ["gpt", "gpt-5"])]);
    const loop = desk.loop();
    const rounds = roundsOf(loop);
    loop.start();
    await rounds.pass(2);
    expect(events(desk.file, RULES.swapChange)).toEqual([]);
    expect(take()).toEqual({ bodies: [], texts: [] });

    pythonWrites(desk.file, [
      swap(Date.now() - 60_000, "risk_analyst", ["claude", "opus-4.1"], ["claude", "sonnet-4"], { reason: "cheaper" }),
    ]);
    const written = Date.now();
    const id = newestSwapOf(desk.file, "risk_analyst");
    await waitFor("the notice", () => desk.hook.received.length + desk.slack.received.length === 2);
    const { bodies, texts } = take();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ kind: "swap_change", state: "notice", url: page(`/evolution/${id}`) });
    expect(bodies[0]!.alerts).toMatchObject([{ instance: String(id), state: "notice", value: null, threshold: null }]);
    expect(texts[0]).toContain(`Swap of risk_analyst: opus-4.1 → sonnet-4 (#${id}) by someone. Reason: cheaper`);
    expect(texts[0]).toContain(page(`/evolution/${id}`));
    expect(events(desk.file, RULES.swapChange)[0]!.at - written).toBeLessThanOrEqual(2 * EVALUATE_MS);
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });

    const silenceId = silence(RULES.swapChange);
    pythonWrites(desk.file, [swap(Date.now() - 60_000, "cio", ["gpt", "gpt-5"], ["claude", "opus-4.1"])]);
    await waitFor("the held notice", () => events(desk.file, RULES.swapChange).length === 2);
    expect(events(desk.file, RULES.swapChange)[1]).toMatchObject({ state: "notice", silence_id: silenceId });
    unsilence(silenceId);
    await rounds.pass(2);
    // A notice is news when it happens: one held by a silence is in the history, not sent later.
    expect(take()).toEqual({ bodies: [], texts: [] });
    expect(events(desk.file, RULES.swapChange)).toHaveLength(2);
  });
});
