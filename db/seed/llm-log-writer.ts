import type Database from "better-sqlite3";
import type { LlmCall } from "./llm-calls";
import type { Period } from "./period";
import type { Random } from "./random";
import type { TimestampFormatter } from "./timestamps";
import { US_PER_DAY } from "./wall-clock";

/** How often the writer reports its progress. */
export const ROWS_PER_REPORT = 50_000;
/** Rows bound to one INSERT: fewer trips from JavaScript into SQLite, well under its 32,766-variable limit. */
const ROWS_PER_STATEMENT = 50;
const COLUMNS = `timestamp, agent_name, provider, model, tokens_used, cost_usd, response_time_ms, request_type, success,
  error_message, created_at`;
const COLUMN_COUNT = 11;
const ROW_PLACEHOLDERS = `(${Array<string>(COLUMN_COUNT).fill("?").join(", ")})`;

/** What the other tables need to know about the log, kept as running sums instead of rows. */
export type LlmTotals = {
  rows: number;
  agents: string[];
  /** Indexed by day of the period. */
  costByDay: Float64Array;
  callsByDay: Float64Array;
  successesByDay: Float64Array;
  /** Indexed by day × agents.length + agent. */
  callsByDayAgent: Float64Array;
  successesByDayAgent: Float64Array;
};

/**
 * Streams calls into llm_usage_log inside the seed's transaction: prepared multi-row statements, no row kept after
 * it is written, so ten million rows take no more memory than ten (SQLite spills its dirty pages to the WAL).
 */
export class LlmLogWriter {
  private readonly insertOne: Database.Statement;
  private readonly insertMany: Database.Statement;
  private readonly values: unknown[] = [];
  private readonly agentIndex: Map<string, number>;
  private readonly firstDayUs: number;
  private readonly totals: LlmTotals;
  /** Rows written since the last progress report. */
  private pending = 0;

  constructor(
    db: Database.Database,
    period: Period,
    agents: string[],
    private readonly formatter: TimestampFormatter,
    private readonly random: Random,
    private readonly onProgress: (rows: number) => void = () => {},
  ) {
    this.insertOne = db.prepare(`INSERT INTO llm_usage_log (${COLUMNS}) VALUES ${ROW_PLACEHOLDERS}`);
    this.insertMany = db.prepare(
      `INSERT INTO llm_usage_log (${COLUMNS}) VALUES ${Array<string>(ROWS_PER_STATEMENT).fill(ROW_PLACEHOLDERS).join(", ")}`,
    );
    this.agentIndex = new Map(agents.map((agent, i) => [agent, i]));
    this.firstDayUs = period.days[0]?.startUs ?? 0;
    const days = period.days.length;
    this.totals = {
      rows: 0,
      agents,
      costByDay: new Float64Array(days),
      callsByDay: new Float64Array(days),
      successesByDay: new Float64Array(days),
      callsByDayAgent: new Float64Array(days * agents.length),
      successesByDayAgent: new Float64Array(days * agents.length),
    };
  }

  readonly add = (call: LlmCall): void => {
    this.values.push(
      this.formatter.event(call.wallUs, this.random),
      call.agent,
      call.provider,
      call.model,
      call.tokens,
      call.costUsd,
      call.latencyMs,
      call.requestType,
      call.success ? 1 : 0,
      call.error,
      this.formatter.sqliteUtc(call.wallUs),
    );
    this.count(call);
    if (this.values.length === ROWS_PER_STATEMENT * COLUMN_COUNT) {
      this.insertMany.run(this.values);
      this.values.length = 0;
    }
    if (++this.pending === ROWS_PER_REPORT) this.report();
  };

  finish(): LlmTotals {
    for (let i = 0; i < this.values.length; i += COLUMN_COUNT)
      this.insertOne.run(this.values.slice(i, i + COLUMN_COUNT));
    this.values.length = 0;
    if (this.pending > 0) this.report();
    return this.totals;
  }

  private report(): void {
    this.pending = 0;
    this.onProgress(this.totals.rows);
  }

  private count(call: LlmCall): void {
    const t = this.totals;
    const day = Math.floor((call.wallUs - this.firstDayUs) / US_PER_DAY);
    const cell = day * t.agents.length + (this.agentIndex.get(call.agent) ?? 0);
    const ok = call.success ? 1 : 0;
    t.rows++;
    t.costByDay[day]! += call.costUsd;
    t.callsByDay[day]! += 1;
    t.successesByDay[day]! += ok;
    t.callsByDayAgent[cell]! += 1;
    t.successesByDayAgent[cell]! += ok;
  }
}
