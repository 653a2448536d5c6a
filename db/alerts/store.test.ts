import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { alertTestFile } from "./trading-writes";
import { pruneHistory } from "./store";

const DAY = 86_400_000;

describe("pruneHistory", () => {
  it("forgets old events and finished deliveries, keeps what is recent or still to be sent", async () => {
    const db = new Database(await alertTestFile());
    const now = Date.UTC(2030, 2, 6);
    const event = db.prepare(
      "INSERT INTO agent_desk_alert_events (kind, params, instance, state, at, since, facts) VALUES ('spend', '{}', '', 'firing', ?, ?, '{}')",
    );
    const delivery = db.prepare(
      "INSERT INTO agent_desk_alert_deliveries (channel_id, channel_name, event_ids, status, next_attempt_at, created_at) VALUES (1, 'ops', '[]', ?, ?, ?)",
    );
    for (const at of [now - 100 * DAY, now - 91 * DAY, now - DAY]) event.run(at, at);
    for (const [status, at] of [
      ["sent", now - 95 * DAY],
      ["pending", now - 95 * DAY],
      ["failed", now - DAY],
    ] as const)
      delivery.run(status, at, at);
    pruneHistory(db, now - 90 * DAY);
    expect(db.prepare("SELECT at FROM agent_desk_alert_events").pluck().all()).toEqual([now - DAY]);
    expect(db.prepare("SELECT status FROM agent_desk_alert_deliveries ORDER BY id").pluck().all()).toEqual([
      "pending",
      "failed",
    ]);
    // A bounded batch at a time: one left over is taken by the next round.
    for (const at of [now - 100 * DAY, now - 99 * DAY]) event.run(at, at);
    pruneHistory(db, now - 90 * DAY, 1);
    expect(db.prepare("SELECT count(*) FROM agent_desk_alert_events").pluck().get()).toBe(2);
    db.close();
  });
});
