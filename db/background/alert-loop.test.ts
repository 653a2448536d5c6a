// The alert loop across restarts and beside the trading system's writer: what one loop sent is never sent again by
// the next (neither a firing nor its repeat before the rule's interval), what it left queued is sent once, and the
// Python writer holding the file's write lock neither blocks the event loop nor loses a round.
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { llmCall, pythonWrites, seoul, swap } from "@/db/alerts/trading-writes";
import {
  breachedSwap,
  closeAll,
  deliveries,
  deskWithRule,
  EVALUATE_MS,
  events,
  inbox,
  roundsOf,
  RULES,
  waitFor,
} from "./alert-loop-testing";

afterEach(closeAll);

const I = 30_000;
const MINUTE = 60_000;

/** The trading system's writer inserting `rows` (each committed), then holding BEGIN IMMEDIATE on the file for `ms`. */
async function holdWriteLock(file: string, ms: number, rows: ReturnType<typeof swap>[] = []) {
  const holder = spawn("python3", [
    "-c",
    `
import json, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
for table, row in json.loads(sys.argv[2]):
    c.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
c.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(${ms / 1000})
c.execute("COMMIT")
`,
    file,
    JSON.stringify(rows),
  ]);
  await new Promise((resolve) => holder.stdout.once("data", resolve));
  return { heldAt: Date.now(), released: new Promise((resolve) => holder.on("close", resolve)) };
}

describe("the alert loop across restarts", () => {
  it("sends neither a firing nor its repeat again after a restart; the repeat waits for the rule's interval", async () => {
    const desk = await deskWithRule(RULES.spendDay);
    const take = inbox(desk);
    const t0 = seoul("2030-03-06T10:00");
    pythonWrites(desk.file, [llmCall(t0, { cost: 45 })]);
    const first = desk.loop();
    await first.evaluate(t0 + I);
    expect(take().bodies.map((b) => [b.state, b.repeat])).toEqual([["firing", false]]);
    first.stop();

    const second = desk.loop();
    await second.evaluate(t0 + 2 * I);
    await second.evaluate(t0 + I + 240 * MINUTE - 1); // the starting spend rule repeats every 240 minutes
    expect(take()).toEqual({ bodies: [], texts: [] });
    await second.evaluate(t0 + I + 240 * MINUTE);
    const { bodies, texts } = take();
    expect(bodies.map((b) => [b.state, b.repeat])).toEqual([["firing", true]]);
    expect(texts[0]).toContain("Still firing since");
    expect(deliveries(desk.file).map((d) => [d.status, d.attempts])).toEqual(Array(4).fill(["sent", 1]));
  });

  it("sends what the first loop left pending (its receiver down) exactly once from the next loop", async () => {
    let down = true;
    const desk = await deskWithRule(RULES.swapBreached, () => (down ? { status: 503 } : { status: 200 }));
    pythonWrites(desk.file, breachedSwap("strategy_optimizer", ["claude", "sonnet-4"]));
    const first = desk.loop({ retryBaseMs: 300 }).start();
    await waitFor("the failed attempt", () => deliveries(desk.file)[0]?.last_status === 503);
    first.stop();
    expect(deliveries(desk.file)[0]).toMatchObject({ status: "pending", attempts: 1 });

    down = false;
    const second = desk.loop();
    const rounds = roundsOf(second);
    second.start();
    await waitFor("the pending delivery", () => deliveries(desk.file)[0]?.status === "sent");
    await rounds.pass(2);
    expect(desk.hook.received.map((r) => r.headers["x-agent-desk-delivery"])).toEqual(
      Array(2).fill(desk.hook.received[0]!.headers["x-agent-desk-delivery"]),
    );
    expect(desk.slack.received).toHaveLength(1);
    expect(deliveries(desk.file)).toMatchObject([
      { channel_name: "ops hook", status: "sent", attempts: 2 },
      { channel_name: "ops slack", status: "sent", attempts: 1 },
    ]);
    expect(events(desk.file, RULES.swapBreached).map((e) => e.state)).toEqual(["firing"]);
  });

  it("writes a round a stop caught waiting for the lock, and the next loop sends it once", async () => {
    const desk = await deskWithRule(RULES.swapBreached);
    pythonWrites(desk.file, breachedSwap("strategy_optimizer", ["claude", "sonnet-4"]));
    const { released } = await holdWriteLock(desk.file, 1000);
    const first = desk.loop();
    const rounds = roundsOf(first);
    first.start();
    await waitFor("a round under way", () => rounds.begun() === 1);
    first.stop();
    await released;
    await waitFor("the round written", () => events(desk.file, RULES.swapBreached).length === 1);
    expect(desk.hook.received).toEqual([]); // what it queued is the next loop's to send

    desk.loop().start();
    await waitFor("the queued deliveries", () => desk.hook.received.length + desk.slack.received.length === 2);
    // Marked once the receivers' answers are in, a moment after they took the requests.
    await waitFor("the deliveries marked", () => deliveries(desk.file).every((d) => d.status !== "pending"));
    expect(deliveries(desk.file).map((d) => [d.status, d.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
    expect(events(desk.file, RULES.swapBreached).map((e) => e.state)).toEqual(["firing"]);
  });
});

describe("the alert loop and the operator at once", () => {
  it("does not write back a rule the operator switched off while the round measured it", async () => {
    const desk = await deskWithRule(RULES.swapBreached);
    pythonWrites(desk.file, breachedSwap("strategy_optimizer", ["claude", "sonnet-4"]));
    // Another writer holds the lock while the round measures, and switches the rule off before letting go.
    const holder = spawn("python3", [
      "-c",
      `
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(0.5)
c.execute("UPDATE agent_desk_alert_rules SET enabled = 0 WHERE id = ?", (int(sys.argv[2]),))
c.execute("COMMIT")
`,
      desk.file,
      String(RULES.swapBreached),
    ]);
    await new Promise((resolve) => holder.stdout.once("data", resolve));
    await desk.loop().evaluate();
    expect(events(desk.file, RULES.swapBreached)).toEqual([]);
    expect(deliveries(desk.file)).toEqual([]);
  });
});

describe("the alert loop when the agent config cannot be read", () => {
  it("goes on with the last limits read, and says so once", async () => {
    const desk = await deskWithRule(RULES.spendDay);
    const take = inbox(desk);
    const said: string[] = [];
    let broken = false;
    const limits = { costLimitDaily: 50, costLimitWeekly: 300, costAlertThreshold: 0.8, autoRollback: false };
    const loop = desk.loop({
      settings: () => {
        if (broken) throw new Error("AGENT_CONFIG_PATH 'agents.yaml' is not valid YAML: bad indentation");
        return limits;
      },
      log: (line) => said.push(line),
    });
    const t0 = seoul("2030-03-06T10:00");
    await loop.evaluate(t0);
    broken = true; // an operator's edit, half saved
    pythonWrites(desk.file, [llmCall(t0 + 10_000, { cost: 45 })]);
    await loop.evaluate(t0 + I);
    await loop.evaluate(t0 + 2 * I);
    expect(take().bodies.map((b) => [b.state, b.alerts[0]!.threshold])).toEqual([["firing", 40]]);
    expect(said).toEqual([
      "alerts: the agent config cannot be read (AGENT_CONFIG_PATH 'agents.yaml' is not valid YAML: bad indentation); using the last limits read",
    ]);
  });
});

describe("the alert loop beside the trading system's writer", () => {
  it("takes no write lock for a round that changes nothing", async () => {
    const desk = await deskWithRule(RULES.swapChange);
    const loop = desk.loop();
    await loop.evaluate(); // the first look is written
    const { released } = await holdWriteLock(desk.file, 1500);
    const began = performance.now();
    await loop.evaluate(); // nothing new: done while the trading system still holds the lock
    expect(performance.now() - began).toBeLessThan(1000);
    await released;
  });

  it("neither blocks the event loop nor loses the round while Python holds the write lock for 2 s", async () => {
    const desk = await deskWithRule(RULES.swapChange);
    const loop = desk.loop();
    const rounds = roundsOf(loop);
    loop.start();
    await rounds.pass(1); // the first look: what exists is taken in
    // The trading system records a swap, then holds the file in a long transaction of its own.
    const { heldAt, released } = await holdWriteLock(desk.file, 2000, [
      swap(Date.now() - MINUTE, "cio", ["claude", "opus-4.1"], ["gpt", "gpt-5"]),
    ]);
    const lags: number[] = [];
    while (Date.now() - heldAt < 1800) {
      const at = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 10));
      lags.push(performance.now() - at - 10);
    }
    expect(Math.max(...lags)).toBeLessThan(500); // a busy wait on the synchronous driver would be the whole 2 s
    expect(desk.hook.received).toEqual([]);
    await released;
    await waitFor("the notice", () => desk.hook.received.length === 1 && desk.slack.received.length === 1);
    const [notice] = events(desk.file, RULES.swapChange);
    // Measured during the hold, written once the lock was free: the same round, not a later one.
    expect(notice!.at).toBeLessThan(heldAt + 2 * EVALUATE_MS);
    await rounds.pass(2);
    expect(events(desk.file, RULES.swapChange)).toHaveLength(1);
    expect(desk.hook.received).toHaveLength(1);
    expect(deliveries(desk.file).map((d) => d.status)).toEqual(["sent", "sent"]);
  });
});
