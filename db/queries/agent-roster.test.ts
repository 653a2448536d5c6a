import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { countNow, useTradingFile } from "@/db/testing/upstream-file";
import { naiveIso } from "@/lib/event-time";
import { lastDays } from "@/lib/period";
import { readContext } from "@/lib/read-context";
import { getAgentRoster } from "./agent-roster";

const ZONE = "Asia/Seoul";
const now = Date.now();

beforeAll(async () => {
  const { file } = await useTradingFile(["--days", "7"]);
  const db = openDatabase(file);
  db.prepare(
    "INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success, error_message) VALUES (?, 'edge_agent', 'claude', 'opus-4.1', 100, 0.25, 1000, 'final_decision', 1, NULL)",
  ).run(naiveIso(now - 3_600_000, ZONE));
  db.close();
  countNow(file);
});

describe("the roster", () => {
  it("carries each agent's description from the agent config as written, none for an agent it does not name", () => {
    const clock = { now, zone: ZONE };
    const roster = getAgentRoster(readContext(clock, lastDays(30, clock)));
    expect(roster.find((a) => a.name === "cio")?.description).toBe("4개 전문가 리포트 종합 분석 및 최종 투자 결정");
    expect(roster.find((a) => a.name === "edge_agent")?.description).toBeNull();
  });
});
