// `?from=YYYY-MM-DD&to=YYYY-MM-DD` on the JSON API (and the trade log's CSV): exactly the events of those calendar days
// in DATA_TIMEZONE,
// both included, whatever form their times were written in. The file is the trading system's (its Python writer)
// plus edge rows around the two ends of 2025-03-08 – 2025-03-09 in New York, where the clocks go forward on the
// 9th: the period starts at 00:00 EST and ends at the midnight after, in EDT.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countAllNow } from "@/db/aggregates/count-all";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { migrate } from "@/migrations/runner";
import * as tradeExport from "../(dashboard)/trades/export/route";
import * as contribution from "./agents/contribution/route";
import * as performance from "./agents/performance/route";
import * as underperforming from "./agents/underperforming/route";
import * as breakdown from "./llm/breakdown/route";
import * as usage from "./llm/usage/route";
import * as metrics from "./system/metrics/route";

const ZONE = "America/New_York";
const PERIOD = "?from=2025-03-08&to=2025-03-09";

// Each event time with whether it is in the period; the i-th weighs 2^i, so a sum says exactly which were counted.
const EVENTS: [string, boolean][] = [
  ["2025-03-07T23:59:59", false], // naive, the last second before `from`
  ["2025-03-08T00:00:00", true], // naive, `from` at midnight
  ["2025-03-09T23:59:59", true], // naive, the last second of `to`
  ["2025-03-09T23:59:59.999999", true],
  ["2025-03-10T00:00:00", false], // naive, the midnight after `to`
  ["2025-03-09 12:30:00", true], // the space form
  ["2025-03-08T04:59:59Z", false], // 23:59:59 EST the day before
  ["2025-03-08T05:00:00Z", true], // 00:00 EST
  ["2025-03-10T03:59:59Z", true], // 23:59:59 EDT on `to`
  ["2025-03-10T04:00:00Z", false], // 00:00 EDT after it
  ["2025-03-08T00:00:00-05:00", true],
  ["2025-03-08T06:00:00+01:00", true], // 00:00 EST, written elsewhere
  ["2025-03-10T00:00:00-04:00", false],
];
const weight = (i: number) => 2 ** i;
const inPeriod = EVENTS.flatMap(([, inside], i) => (inside ? [weight(i)] : []));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const get = async (route: { GET: (request: Request) => Response | Promise<Response> }, query: string) => {
  const response = await route.GET(new Request(`http://localhost/api${query}`));
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  const file = makeUpstreamDb(path.join(tempDir(), "trading_records.db"), ["--days", "3"]);
  const db = openDatabase(file);
  await migrate(db, { log: () => {} });
  const llm = db.prepare(
    "INSERT INTO llm_usage_log (timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success) VALUES (?, 'edge_agent', 'claude', 'opus-4.1', 100, ?, 1000, 'final_decision', 1)",
  );
  const trade = db.prepare(
    "INSERT INTO trades (trade_id, timestamp, ticker, action, quantity, price, justification_text, market_snapshot, portfolio_before, pnl_7_days, agent_contributions, decision_confidence) VALUES (?, ?, '005930', 'buy', 1, 70000, '테스트', '{}', '{}', ?, '{\"edge_agent\": 1}', 0.5)",
  );
  EVENTS.forEach(([timestamp], i) => {
    llm.run(timestamp, weight(i));
    trade.run(`EDGE-${i}`, timestamp, -weight(i)); // losses: the agent is flagged as underperforming
  });
  const performanceRow = db.prepare(
    "INSERT INTO agent_performance (agent_name, period_start, period_end, total_decisions, successful_decisions, avg_contribution_score, performance_rating, wins, losses, total_pnl_attributed, confidence_accuracy) VALUES ('edge_agent', ?, ?, 10, 5, 0.5, 50, 5, 5, 0, 0.5)",
  );
  const metricsRow = db.prepare(
    "INSERT INTO system_metrics (date, total_trades, win_rate, total_pnl, total_cost_usd, avg_decision_time_seconds, agent_efficiency_score, model_diversity_index, auto_improvements, human_interventions) VALUES (?, 1, 50, 0, 0, 1, 0.5, 0.5, 0, 0)",
  );
  for (const date of ["2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10"]) {
    performanceRow.run("2025-03-01", date);
    metricsRow.run(date);
  }
  countAllNow(db, { timeZone: ZONE }); // what the server's background count does
  db.close();
  Object.assign(process.env, { DATABASE_PATH: file, DATA_TIMEZONE: ZONE });
});

describe("?from=&to= selects exactly the events of those calendar days", () => {
  it("/api/llm/usage: the calls, with period_days and the period's ends", async () => {
    const { status, body } = await get(usage, PERIOD);
    expect(status).toBe(200);
    expect(body.agent_stats.edge_agent).toMatchObject({ total_requests: inPeriod.length, total_cost: sum(inPeriod) });
    expect(Object.keys(body.agent_stats)).toEqual(["edge_agent"]); // the writer's calls are all of the last 3 days
    expect(body).toMatchObject({ period_days: 2, period_from: "2025-03-08", period_to: "2025-03-09" });
  });

  it("/api/llm/breakdown: the same calls", async () => {
    const { body } = await get(breakdown, PERIOD);
    expect(body.by_model).toMatchObject([{ model: "opus-4.1", calls: inPeriod.length, cost: sum(inPeriod) }]);
    expect(body.daily.map((d: { date: string }) => d.date)).toEqual(["2025-03-08", "2025-03-09"]);
  });

  it("/api/agents/contribution and /underperforming: the trades", async () => {
    const { body } = await get(contribution, PERIOD);
    expect(body.agent_impact.edge_agent).toMatchObject({
      trades_involved: inPeriod.length,
      negative_pnl_contribution: sum(inPeriod),
    });
    expect(body).toMatchObject({
      total_trades_analyzed: inPeriod.length,
      analysis_period_days: 2,
      period_from: "2025-03-08",
      period_to: "2025-03-09",
    });
    const flagged = (await get(underperforming, `${PERIOD}&min_trades=1`)).body as {
      agent_name: string;
      trades_involved: number;
    }[];
    expect(flagged).toMatchObject([{ agent_name: "edge_agent", trades_involved: inPeriod.length }]);
  });

  it("/api/agents/performance and /api/system/metrics: the rows dated from `from` to `to`", async () => {
    const rows = (await get(performance, `${PERIOD}&agent=edge_agent`)).body as { period_end: string }[];
    expect(rows.map((r) => r.period_end)).toEqual(["2025-03-09", "2025-03-08"]);
    const days = (await get(metrics, PERIOD)).body as { date: string }[];
    expect(days.map((r) => r.date)).toEqual(["2025-03-09", "2025-03-08"]);
  });

  it("the trade log's CSV: the trades, every one of them listed", async () => {
    const response = await tradeExport.GET(new Request(`http://localhost/trades/export${PERIOD}`));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="trades-2025-03-08_2025-03-09.csv"');
    const ids = (await response.text())
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[1]);
    expect(ids.sort()).toEqual(EVENTS.flatMap(([, inside], i) => (inside ? [`EDGE-${i}`] : [])).sort());
  });

  it("keeps the days answers' shape: no period_from or period_to", async () => {
    const { body } = await get(usage, "?days=3");
    expect(Object.keys(body).sort()).toEqual(["agent_stats", "period_days", "provider_stats"]);
    expect(Object.keys((await get(contribution, "?days=3")).body).sort()).toEqual([
      "agent_impact",
      "analysis_period_days",
      "skipped_rows",
      "total_trades_analyzed",
    ]);
  });
});

describe("a period the API cannot read answers 400 with what is wrong", () => {
  const cases: [string, { GET: (r: Request) => Response | Promise<Response> }, string, string][] = [
    [
      "not a real date",
      usage,
      "?from=2025-02-30&to=2025-03-09",
      "from must be a calendar date as YYYY-MM-DD (1970 to 9998), not '2025-02-30'",
    ],
    [
      "not a date at all",
      metrics,
      "?from=2025-03-08&to=tomorrow",
      "to must be a calendar date as YYYY-MM-DD (1970 to 9998), not 'tomorrow'",
    ],
    ["reversed", contribution, "?from=2025-03-09&to=2025-03-08", "from (2025-03-09) is after to (2025-03-08)"],
    [
      "longer than 3650 days",
      performance,
      "?from=2015-01-01&to=2025-03-09",
      "from 2015-01-01 to 2025-03-09 is 3721 days; at most 3650",
    ],
    ["from without to", breakdown, "?from=2025-03-08", "from is given without to; give both, as YYYY-MM-DD"],
    ["to without from", underperforming, "?to=2025-03-08", "to is given without from; give both, as YYYY-MM-DD"],
    ["with days", usage, "?days=7&from=2025-03-08&to=2025-03-09", "give either days or from and to, not both"],
    ["from twice", metrics, "?from=2025-03-08&from=2025-03-07&to=2025-03-09", "from is given 2 times; give it once"],
  ];
  for (const [what, route, query, error] of cases) {
    it(what, async () => {
      expect(await get(route, query)).toEqual({ status: 400, body: { error } });
    });
  }
});
