import type Database from "better-sqlite3";
import { backfillLlmAggregates } from "@/db/aggregates/llm-backfill";
import { catchUpTradeAggregates } from "@/db/aggregates/trade-facts";
import { openDatabase } from "@/db/connection";
import type { AgentConfig } from "@/lib/server/agent-config";
import { migrateFile } from "@/migrations/migrate-file";
import { writeSwaps } from "./evolution-history";
import { assertSeedable, claimDemoFile, type TradingTable } from "./guard";
import { LlmCallGenerator } from "./llm-calls";
import { progressReport, writeLlmLog } from "./llm-log";
import { LlmLogWriter } from "./llm-log-writer";
import { ModelTimeline } from "./model-timeline";
import type { SeedSettings } from "./options";
import { performanceRows, writePerformance } from "./performance";
import { resolvePeriod } from "./period";
import { Random } from "./random";
import { planRuns } from "./schedule";
import { SeedError } from "./seed-error";
import { planSwaps } from "./story";
import { metricsRows, writeMetrics } from "./system-metrics";
import { TimestampFormatter } from "./timestamps";
import { generateTrades, writeTrades } from "./trades";
import { ZoneClock } from "./wall-clock";

export { SeedError } from "./seed-error";
export { parseSeedArgs, type SeedArgs, type SeedSettings } from "./options";

export type SeedOptions = SeedSettings & {
  timeZone: string;
  agentConfig: AgentConfig;
  /** The current time; the period ends here when `end` is today. */
  now?: Date;
  log?: (line: string) => void;
};

export type SeedSummary = { rows: Record<TradingTable, number>; seconds: number };

/**
 * `db:seed`: brings `file` to the current schema (creating it when missing) and writes the demo dataset; only into
 * a new file, which it marks as its demo, or a demo it made before (guard.ts).
 */
export async function seedFile(file: string, options: SeedOptions): Promise<SeedSummary> {
  claimDemoFile(file);
  await migrateFile(file, { log: options.log ?? (() => {}) });
  const db = openDatabase(file);
  try {
    const summary = seedDatabase(db, options);
    backfillLlmAggregates(db, options.log);
    catchUpTradeAggregates(db, options.timeZone, options.log);
    return summary;
  } finally {
    db.close();
  }
}

/**
 * Writes the demo dataset into `db`, which must be a demo at the current schema with the trading tables empty. One
 * transaction, checked under its write lock: a failure rolls back exactly what the seed wrote, and a row anyone
 * else commits lands before it (then the seed refuses) or after it, never in between.
 */
export function seedDatabase(db: Database.Database, options: SeedOptions): SeedSummary {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { agentConfig: config, seed } = options;
  const random = (label: string) => new Random(seed, label);

  const period = resolvePeriod(options.days, options.end, options.now ?? new Date(), options.timeZone);
  const formatter = new TimestampFormatter(new ZoneClock(options.timeZone));
  const swaps = planSwaps(period, config, random("swaps"));
  const timeline = new ModelTimeline(config, swaps);
  const runs = planRuns(period, random("runs"));
  if (options.llmRows !== undefined && runs.length === 0) {
    throw new SeedError(`the ${options.days} day(s) up to ${options.end} hold no agent runs to spread --llm-rows over`);
  }
  const trades = generateTrades(period, runs, timeline, random("trades"), options.trades);

  const synchronous = db.pragma("synchronous", { simple: true });
  db.pragma("synchronous = OFF"); // a demo file that a crash corrupts is simply generated again
  try {
    const rows = db
      .transaction(() => {
        assertSeedable(db, db.name);
        writeSwaps(db, swaps, formatter);
        writeTrades(db, trades, formatter, random("trade-timestamps"));

        const agents = Object.keys(config.agents);
        const progress = options.llmRows === undefined ? undefined : progressReport(options.llmRows, started, log);
        const writer = new LlmLogWriter(db, period, agents, formatter, random("llm-timestamps"), progress);
        const llm = writeLlmLog(
          db,
          runs,
          new LlmCallGenerator(config, timeline, random("llm")),
          writer,
          options.llmRows,
        );

        const weekly = performanceRows(period, trades, llm, random("performance"));
        const metrics = metricsRows(period, trades, llm, swaps, timeline);
        writePerformance(db, weekly, formatter);
        writeMetrics(db, metrics, formatter);
        return {
          trades: trades.length,
          llm_usage_log: llm.rows,
          agent_performance: weekly.length,
          model_evolution_history: swaps.length,
          system_metrics: metrics.length,
        };
      })
      .immediate();
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.pragma(`synchronous = ${Number(synchronous)}`);
  }
}
