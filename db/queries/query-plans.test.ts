// No ranged query may scan the whole of llm_usage_log or trades, or of an aggregate table: each is run on a seeded
// file with planner statistics (ANALYZE), its statements are captured, and EXPLAIN QUERY PLAN must show an index
// SEARCH (for the zoned event times of an LLM window's edges, migrations/0009's agent_desk_llm_zoned). The trade
// aggregates'
// catch-up (a look at its queue, which is empty here) and the range cache's look at the newest calls (by id) are
// not ranged queries.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { database, OWN_FILE } from "@/db";
import { openDatabase } from "@/db/connection";
import { tempDir } from "@/db/testing/upstream-file";
import { addDays, calendarDate } from "@/lib/event-time";
import { calendarDays, lastDays, type Period } from "@/lib/period";
import { readContext, type ReadContext } from "@/lib/read-context";
import { getAgentContribution, getUnderperformingAgents } from "./agent-contribution";
import { getReviewDetails } from "./agent-review";
import { getLlmUsageStats } from "./llm-usage";
import { getUsageBreakdown } from "./llm-usage-breakdown";
import { getPeriodSummary } from "./overview";
import { measureWindow } from "./swap-window";

const executed: { sql: string; args: unknown[] }[] = [];

beforeAll(() => {
  const file = path.join(tempDir(), "seeded.db");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--db", file, "--days", "120"], {
    stdio: "pipe",
  });
  const db = openDatabase(file);
  db.exec("ANALYZE");
  db.close();
  process.env.DATABASE_PATH = file;
  record(database(OWN_FILE).sqlite);
});

const days = (n: number): Period => lastDays(n, { now: Date.now(), zone: database(OWN_FILE).config.dataTimeZone });
// Two weeks ending a week ago, as ?from=…&to=… gives them: both ends bounded.
const fortnight = (): Period => {
  const zone = database(OWN_FILE).config.dataTimeZone;
  const today = calendarDate(Date.now(), zone);
  return calendarDays(addDays(today, -20), addDays(today, -7), zone);
};

// A request's read context for the period, at this moment in the file's zone.
const ctx = (period: Period): ReadContext =>
  readContext({ now: Date.now(), zone: database(OWN_FILE).config.dataTimeZone }, period);

const RANGED = {
  "get_llm_usage_stats(7)": () => getLlmUsageStats(ctx(days(7))),
  "get_llm_usage_stats(from, to)": () => getLlmUsageStats(ctx(fortnight())),
  "get_agent_contribution_analysis(7)": () => getAgentContribution(ctx(days(7))),
  get_underperforming_agents: () => getUnderperformingAgents(ctx(days(30)), { minTrades: 10, threshold: -0.1 }),
  "overview summary(1)": () => getPeriodSummary(ctx(days(1))),
  "usage breakdown(7)": () => getUsageBreakdown(ctx(days(7))),
  "the review's details (from, to)": () => getReviewDetails(ctx(fortnight()), ["cio"]),
  "a swap's validation window": () =>
    measureWindow(ctx(days(14)), "cio", Date.now() - 14 * 86_400_000, Date.now() - 7 * 86_400_000),
};

describe("ranged queries use the timestamp indexes", () => {
  for (const [name, run] of Object.entries(RANGED)) {
    it(name, () => {
      executed.length = 0;
      run();
      const ranged = executed.filter(
        (q) =>
          !/agent_desk_trade_(changes|zone)|max\(rowid\)|^\s*(SELECT next_id|UPDATE agent_desk_backfill)\b|max\(id\)|WHERE id > \?/.test(
            q.sql,
          ),
      );
      expect(ranged.length).toBeGreaterThan(0);
      const touching = ranged.filter((q) => /\bfrom\s+"?(llm_usage_log|trades)\b/i.test(q.sql));
      for (const query of touching) {
        const plan = database(OWN_FILE)
          .sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
          .all(...query.args) as { detail: string }[];
        const details = plan.map((p) => p.detail);
        expect(
          details.filter((d) => /^SCAN (llm_usage_log|trades)\b/.test(d)),
          `${query.sql}\n${details.join("\n")}`,
        ).toEqual([]);
        expect(
          details.some((d) => /^SEARCH (llm_usage_log|trades) USING (COVERING )?INDEX idx_\w+_timestamp/.test(d)),
        ).toBe(true);
        if (query.sql.includes("agent_desk_llm_zoned"))
          expect(
            details.some((d) => /^SEARCH agent_desk_llm_zoned USING (PRIMARY KEY|(COVERING )?INDEX)/.test(d)),
            details.join("\n"),
          ).toBe(true);
      }
      for (const query of ranged.filter((q) => /\bfrom\s+agent_desk_/i.test(q.sql))) {
        const details = (
          database(OWN_FILE)
            .sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
            .all(...query.args) as { detail: string }[]
        ).map((p) => p.detail);
        expect(
          details.filter((d) => /^SCAN (agent_desk_\w+|t|c)\b/.test(d)),
          details.join("\n"),
        ).toEqual([]);
      }
    });
  }
});

function record(db: Database.Database) {
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const original = (statement[method] as (...a: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        executed.push({ sql, args });
        return original(...args);
      };
    }
    return statement;
  }) as typeof db.prepare;
}
