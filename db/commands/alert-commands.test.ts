// The operator's alert commands on a real file: a wrong field is refused in words and nothing is written; a secret
// left empty when editing is kept; removing a channel gives up what waited for it; a read-only file records nothing.
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { appConfig } from "@/db";
import { alertTestFile } from "@/db/alerts/trading-writes";
import { forgetServerState } from "@/db/testing/server-state";
import { createTranslator } from "use-intl/core";
import alerts from "@/messages/en/alerts.json";
import { sayWith } from "@/lib/say";
import { deleteChannel, saveChannel } from "./alert-channels";
import { saveRule } from "./alert-rules";

afterEach(forgetServerState);

const t = createTranslator({ locale: "en", messages: alerts as never });
const say = sayWith((key, values) => t(`says.${key}` as never, values as never));
const form = (fields: Record<string, string | string[]>) => ({
  get: (name: string) => (Array.isArray(fields[name]) ? fields[name][0] : fields[name]) ?? null,
  getAll: (name: string) => [fields[name] ?? []].flat(),
});
const rows = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe("alert commands", () => {
  it("refuse each wrong field of a rule in words, writing nothing, and save a right one", async () => {
    const file = await alertTestFile();
    const before = rows(file, "SELECT * FROM agent_desk_alert_rules");
    const refused = saveRule(
      null,
      form({
        kind: "quiet",
        repeat_minutes: "0",
        minutes: "x",
        start: "9am",
        end: "15:30",
        zone: "Asia/Seol",
        days: [],
      }),
      "tester",
      say,
    );
    expect(refused).toEqual({
      ok: false,
      fieldErrors: {
        repeat_minutes: "Enter a number from 1 to 10080",
        minutes: "Enter a whole number from 1 to 1440",
        days: "Tick at least one weekday",
        start: "Enter a time of day as HH:MM, 24-hour (09:00)",
        zone: "“Asia/Seol” is not a time zone (for example Asia/Seoul)",
      },
    });
    expect(rows(file, "SELECT * FROM agent_desk_alert_rules")).toEqual(before);

    const saved = saveRule(
      null,
      form({ kind: "spend", name: "Half the daily limit", period: "day", share_percent: "50", repeat_minutes: "60" }),
      "tester",
      say,
    );
    expect(saved).toMatchObject({ ok: true });
    expect(
      rows(file, "SELECT kind, name, params, repeat_minutes, updated_by FROM agent_desk_alert_rules WHERE id = 13"),
    ).toEqual([
      {
        kind: "spend",
        name: "Half the daily limit",
        params: '{"period":"day","share":0.5}',
        repeat_minutes: 60,
        updated_by: "tester",
      },
    ]);
  });

  it("keep a channel's secret when an edit leaves it empty, and give up its pending deliveries when it is removed", async () => {
    const file = await alertTestFile();
    const secret = "a-signing-secret-of-enough-length";
    const added = saveChannel(
      null,
      form({ kind: "webhook", name: "ops", url: "https://hooks.example.com/desk", secret, locale: "ko" }),
      "tester",
      say,
    );
    expect(added).toEqual({ ok: true, id: 1 });
    expect(
      saveChannel(1, form({ kind: "webhook", name: "ops desk", url: "", secret: "", locale: "en" }), "tester", say),
    ).toEqual({ ok: true, id: 1 });
    expect(rows(file, "SELECT name, url, secret, locale FROM agent_desk_alert_channels")).toEqual([
      { name: "ops desk", url: "https://hooks.example.com/desk", secret, locale: "en" },
    ]);
    const db = new Database(file);
    db.prepare(
      "INSERT INTO agent_desk_alert_deliveries (channel_id, channel_name, event_ids, status, next_attempt_at, created_at) VALUES (1, 'ops desk', '[]', 'pending', 0, 0)",
    ).run();
    db.close();
    expect(deleteChannel(1, say)).toEqual({ ok: true });
    expect(rows(file, "SELECT status, last_error FROM agent_desk_alert_deliveries")).toEqual([
      { status: "failed", last_error: "the channel was removed" },
    ]);
    expect(deleteChannel(1, say)).toEqual({ ok: false, error: "This channel no longer exists: reload the page" });
  });

  it("record nothing on a read-only file, and say so", async () => {
    const file = await alertTestFile();
    appConfig(); // read at start-up, as the server does, while the file was writable
    fs.chmodSync(file, 0o444);
    try {
      const outcome = saveChannel(
        null,
        form({ kind: "slack", name: "ops", url: "https://hooks.slack.com/services/T1/B2/abc", locale: "ko" }),
        "tester",
        say,
      );
      expect(outcome).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Nothing was recorded: The database file is read-only/),
      });
      expect(rows(file, "SELECT * FROM agent_desk_alert_channels")).toEqual([]);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });
});
