// How the started loop delivers what a round queued, to real HTTP receivers: a failing receiver is tried again
// (with the same delivery id) until it takes it, a refusal that cannot pass fails at once, and each kind of channel
// gets the request its service expects. The firing comes from a breached swap the trading system's writer recorded.
import { afterEach, describe, expect, it } from "vitest";
import { pythonWrites } from "@/db/alerts/trading-writes";
import type { Received } from "@/lib/server/alerts/testing-receiver";
import {
  addChannel,
  breachedSwap,
  closeAll,
  deliveries,
  deskWithRule,
  newestSwapOf,
  page,
  receiver,
  roundsOf,
  RULES,
  waitFor,
  webhookBodies,
  type Desk,
} from "./alert-loop-testing";

afterEach(closeAll);

/** A desk with the swap_breached rule on and one breached swap written, its loop started; the swap's id. */
async function firingDesk(desk: Desk, options: Parameters<Desk["loop"]>[0] = {}) {
  pythonWrites(desk.file, breachedSwap("strategy_optimizer", ["claude", "sonnet-4"]));
  const loop = desk.loop(options);
  const delivering = roundsOf(loop, "deliver");
  loop.start();
  return { id: newestSwapOf(desk.file, "strategy_optimizer"), delivering };
}

const json = (r: Received) => JSON.parse(r.body.toString("utf8")) as Record<string, unknown>;

describe("the alert loop, delivery", () => {
  it("tries a receiver that answers 500, 500 again until its 200, sending the same delivery each time", async () => {
    const desk = await deskWithRule(RULES.swapBreached, (_, n) =>
      n < 2 ? { status: 500, body: "upstream down" } : { status: 200 },
    );
    const { delivering } = await firingDesk(desk);
    await waitFor("the third attempt", () => deliveries(desk.file)[0]?.status === "sent");
    await delivering.pass(2);
    expect(desk.hook.received).toHaveLength(3);
    const ids = desk.hook.received.map((r) => r.headers["x-agent-desk-delivery"]);
    expect(new Set(ids).size).toBe(1);
    expect(webhookBodies(desk.hook).map((b) => [b.kind, b.state])).toEqual(Array(3).fill(["swap_breached", "firing"]));
    expect(deliveries(desk.file)).toMatchObject([
      { channel_name: "ops hook", status: "sent", attempts: 3, last_status: 200, last_error: null },
      { channel_name: "ops slack", status: "sent", attempts: 1, last_status: 200 },
    ]);
    expect(desk.slack.received).toHaveLength(1);
  });

  it("gives up at once on a 404 (a deleted webhook), leaving the other channels alone", async () => {
    const desk = await deskWithRule(RULES.swapBreached, () => ({ status: 404, body: "no such hook" }));
    const { delivering } = await firingDesk(desk);
    await waitFor("the refusal", () => deliveries(desk.file)[0]?.status === "failed");
    await delivering.pass(2);
    expect(desk.hook.received).toHaveLength(1);
    expect(deliveries(desk.file)).toMatchObject([
      {
        channel_name: "ops hook",
        status: "failed",
        attempts: 1,
        last_status: 404,
        last_error: "HTTP 404: no such hook",
      },
      { channel_name: "ops slack", status: "sent", attempts: 1 },
    ]);
  });

  it("sends Slack-, Telegram- and Discord-shaped requests, each in its channel's language", async () => {
    const desk = await deskWithRule(RULES.swapBreached);
    const telegram = await receiver(() => ({ status: 200, body: '{"ok":true,"result":{}}' }));
    const discord = await receiver(() => ({ status: 204 }));
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    addChannel(desk.file, { kind: "telegram", name: "ops telegram", secret: token, chatId: "-1001234567890" });
    addChannel(desk.file, {
      kind: "discord",
      name: "ops discord",
      url: `${discord.url}/api/webhooks/123456789012345678/discordtoken-0001`,
      locale: "ko",
    });
    const { id } = await firingDesk(desk, { telegramApiUrl: `${telegram.url}/` });
    await waitFor("every channel", () =>
      [desk.hook, desk.slack, telegram, discord].every((r) => r.received.length === 1),
    );
    const link = page(`/evolution/${id}`);
    const english = `Swap #${id} of strategy_optimizer, opus-4.1 → sonnet-4: realized -75.0%`;

    const [slack] = desk.slack.received;
    expect(slack!.path).toBe("/services/T0001/B0001/slacktoken0001");
    expect(json(slack!)).toEqual({ text: expect.stringContaining(english), mrkdwn: false });
    expect(json(slack!).text).toContain(link);

    const [bot] = telegram.received;
    expect(bot!.path).toBe(`/bot${token}/sendMessage`);
    expect(json(bot!)).toEqual({
      chat_id: "-1001234567890",
      text: expect.stringContaining(english),
      disable_web_page_preview: true,
    });

    const [hook] = discord.received;
    expect(hook!.path).toBe("/api/webhooks/123456789012345678/discordtoken-0001");
    expect(json(hook!)).toEqual({
      content: expect.stringContaining(`strategy_optimizer 모델 교체 #${id}, opus-4.1 → sonnet-4`),
      allowed_mentions: { parse: [] },
    });
    expect(json(hook!).content).toContain(link);

    for (const r of [slack, bot, hook]) {
      expect(r!.method).toBe("POST");
      expect(r!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "AgentDesk-Alerts/1" });
    }
    expect(deliveries(desk.file).map((d) => [d.channel_name, d.status])).toEqual([
      ["ops hook", "sent"],
      ["ops slack", "sent"],
      ["ops telegram", "sent"],
      ["ops discord", "sent"],
    ]);
  });
});
