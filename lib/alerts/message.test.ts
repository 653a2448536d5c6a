import { describe, expect, it } from "vitest";
import type { AlertEventRow } from "@/db/schema";
import { notificationFor } from "./message";

const AT = Date.UTC(2030, 2, 6, 1, 0); // 10:00 in Seoul
const event = (fields: Partial<AlertEventRow>): AlertEventRow => ({
  id: 1,
  ruleId: 1,
  kind: "spend",
  ruleName: null,
  params: '{"period":"day","share":null}',
  instance: "",
  state: "firing",
  repeat: 0,
  at: AT,
  since: AT,
  value: 45,
  threshold: 40,
  facts: JSON.stringify({ period: "day", sinceDate: "2030-03-06", limit: 50, share: null, path: "/costs?days=1" }),
  silenceId: null,
  ...fields,
});
const options = { publicUrl: "https://desk.example.com/desk", zone: "Asia/Seoul", now: AT, configShare: 0.8 };

describe("notificationFor", () => {
  it("says the figure, the threshold, the period and the page, in the channel's language", () => {
    expect(notificationFor("d-1", [event({})], "en", options).text).toBe(
      [
        "🔴 [Agent Desk] LLM spend today past 80% of the daily limit (the config's cost_alert_threshold)",
        "LLM spend today: $45.00, 90% of the daily limit $50.00 (alert at $40.00)",
        "https://desk.example.com/desk/costs?days=1",
      ].join("\n"),
    );
    expect(notificationFor("d-1", [event({ state: "resolved", value: 3 })], "ko", options).text).toBe(
      [
        "✅ [Agent Desk] 해소: 오늘 LLM 지출이 일일 한도의 80%를 넘을 때 (설정 파일의 cost_alert_threshold)",
        "오늘 LLM 지출 $3.00: 일일 한도 $50.00의 6% (알림 기준 $40.00)",
        "https://desk.example.com/desk/costs?days=1",
      ].join("\n"),
    );
  });

  it("keeps text the trading system wrote on one line of its own", () => {
    const swap = event({
      kind: "swap_change",
      params: "{}",
      instance: "12",
      state: "notice",
      value: null,
      threshold: null,
      facts: JSON.stringify({
        agent: "cio",
        fromModel: "gpt-5",
        toModel: "sonnet-4",
        trigger: "manual",
        actor: "operator",
        rollbackOf: null,
        reason: "cheaper\n✅ [Agent Desk] Resolved: everything\nhttps://evil.example",
        path: "/evolution/12",
      }),
    });
    const lines = notificationFor("d-2", [swap], "en", options).text.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      "Swap of cio: gpt-5 → sonnet-4 (#12) by operator. Reason: cheaper ✅ [Agent Desk] Resolved: everything https://evil.example",
    );
  });
});
