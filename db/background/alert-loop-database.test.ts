// The database rule, the one that must speak when the file cannot be written: while the file is renamed away the
// started loop sends the alert from memory to the channels it last read (respecting the silences it last read), and
// once the file is back it sends the resolution and writes both into the history.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  closeAll,
  deliveries,
  deskWithRule,
  EVALUATE_MS,
  events,
  inbox,
  page,
  roundsOf,
  RULES,
  sql,
  waitFor,
} from "./alert-loop-testing";

afterEach(closeAll);

describe("the alert loop, database rule", () => {
  it("says a file that is there but cannot be opened, and its return", async () => {
    const desk = await deskWithRule(RULES.database);
    const take = inbox(desk);
    const loop = desk.loop();
    await loop.evaluate();
    const aside = `${desk.file}.aside`;
    fs.renameSync(desk.file, aside);
    fs.writeFileSync(desk.file, "this is not a SQLite file, whatever its name says".repeat(100));
    await loop.evaluate();
    await waitFor("the firing", () => desk.hook.received.length + desk.slack.received.length === 2);
    const fired = take();
    expect(fired.bodies.map((b) => [b.state, b.alerts[0]!.facts.problem])).toEqual([["firing", "unreadable"]]);
    expect(fired.texts[0]).toContain("The database file is there but cannot be opened");
    fs.rmSync(desk.file);
    fs.renameSync(aside, desk.file);
    await loop.evaluate();
    await loop.evaluate();
    await waitFor("the resolution", () => desk.hook.received.length + desk.slack.received.length === 4);
    expect(take().bodies.map((b) => b.state)).toEqual(["resolved"]);
  });

  it("sends the file's disappearance from memory, and its return; the history then holds both", async () => {
    const desk = await deskWithRule(RULES.database);
    const take = inbox(desk);
    const loop = desk.loop();
    const rounds = roundsOf(loop);
    loop.start();
    await rounds.pass(1);
    expect(take()).toEqual({ bodies: [], texts: [] });

    const aside = `${desk.file}.aside`;
    fs.renameSync(desk.file, aside);
    const gone = Date.now();
    await waitFor("the firing", () => desk.hook.received.length + desk.slack.received.length === 2);
    const fired = take();
    expect(fired.bodies).toHaveLength(1);
    const [body] = fired.bodies;
    expect(body).toMatchObject({ kind: "database", state: "firing", url: page("/system") });
    expect(body!.alerts).toMatchObject([{ instance: "", threshold: 5, facts: { problem: "missing" } }]);
    expect(body!.alerts[0]!.value).toBeGreaterThan(0); // the disk's free share, still there to read
    expect(Date.parse((body as unknown as { sent_at: string }).sent_at) - gone).toBeLessThanOrEqual(2 * EVALUATE_MS);
    expect(fired.texts[0]).toContain("The database file is missing.");
    expect(fired.texts[0]).toContain(page("/system"));
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });
    expect(fs.existsSync(desk.file)).toBe(false); // never created again behind the trading system's back

    fs.renameSync(aside, desk.file);
    await waitFor("the resolution", () => desk.hook.received.length + desk.slack.received.length === 4);
    expect(take().bodies.map((b) => [b.state, b.alerts[0]!.facts.problem])).toEqual([["resolved", null]]);
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });

    const history = events(desk.file, RULES.database);
    expect(history.map((e) => [e.state, JSON.parse(e.facts).problem, e.silence_id])).toEqual([
      ["firing", "missing", null],
      ["resolved", null, null],
    ]);
    expect(history[0]!.at).toBe(Date.parse((body as unknown as { sent_at: string }).sent_at));
    // The firing went out from memory; only the resolution was queued in the file.
    expect(deliveries(desk.file).map((d) => [d.channel_name, d.status, JSON.parse(d.event_ids)])).toEqual([
      ["ops hook", "sent", [history[1]!.id]],
      ["ops slack", "sent", [history[1]!.id]],
    ]);
  });

  it("holds the alert while a silence read before the file went lasts, and sends it when the silence ends", async () => {
    const desk = await deskWithRule(RULES.database);
    const take = inbox(desk);
    const loop = desk.loop();
    const rounds = roundsOf(loop);
    // An operator's silence for the next moment (the command's shortest is a minute: written as it would be).
    const endsAt = Date.now() + 6 * EVALUATE_MS;
    sql(
      desk.file,
      `INSERT INTO agent_desk_alert_silences (rule_id, instance, starts_at, ends_at, reason, created_by)
       VALUES (?, NULL, ?, ?, 'moving the disk', 'operator')`,
      RULES.database,
      Date.now(),
      endsAt,
    );
    const silenceId = sql<{ id: number }>(desk.file, "SELECT max(id) AS id FROM agent_desk_alert_silences")[0]!.id;
    loop.start();
    await rounds.pass(1);

    const aside = `${desk.file}.aside`;
    fs.renameSync(desk.file, aside);
    await rounds.pass(2);
    expect(Date.now()).toBeLessThan(endsAt);
    expect(take()).toEqual({ bodies: [], texts: [] });
    await waitFor("the firing after the silence", () => desk.hook.received.length + desk.slack.received.length === 2);
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt);
    expect(take().bodies.map((b) => [b.state, b.repeat, b.alerts[0]!.facts.problem])).toEqual([
      ["firing", false, "missing"],
    ]);

    fs.renameSync(aside, desk.file);
    await waitFor("the resolution", () => desk.hook.received.length + desk.slack.received.length === 4);
    expect(take().bodies.map((b) => b.state)).toEqual(["resolved"]);
    expect(events(desk.file, RULES.database).map((e) => [e.state, e.silence_id])).toEqual([
      ["firing", silenceId],
      ["firing", null],
      ["resolved", null],
    ]);
  });

  it("keeps an alert already firing when the file then goes: no second firing, one resolution", async () => {
    const desk = await deskWithRule(RULES.database);
    const take = inbox(desk);
    const loop = desk.loop();
    const rounds = roundsOf(loop);
    loop.start();
    await rounds.pass(1);
    // Marked read-only (root still writes it, so the firing is written and sent from the file), then moved away.
    const mode = fs.statSync(desk.file).mode & 0o777;
    fs.chmodSync(desk.file, 0o444);
    await waitFor("the firing", () => desk.hook.received.length + desk.slack.received.length === 2);
    expect(take().bodies.map((b) => [b.state, b.alerts[0]!.facts.problem])).toEqual([["firing", "read-only"]]);
    const aside = `${desk.file}.aside`;
    fs.renameSync(desk.file, aside);
    await rounds.pass(2);
    expect(take()).toEqual({ bodies: [], texts: [] });

    fs.chmodSync(aside, mode);
    fs.renameSync(aside, desk.file);
    await waitFor("the resolution", () => desk.hook.received.length + desk.slack.received.length === 4);
    expect(take().bodies.map((b) => b.state)).toEqual(["resolved"]);
    expect(events(desk.file, RULES.database).map((e) => e.state)).toEqual(["firing", "resolved"]);
  });
});
