import type Database from "better-sqlite3";
import type { LlmCallGenerator } from "./llm-calls";
import { ROWS_PER_REPORT, type LlmLogWriter, type LlmTotals } from "./llm-log-writer";
import type { Run } from "./schedule";

/**
 * Writes every run's calls. With `rows`, exactly that many in all, shared among the runs in proportion to the
 * calls each would make (cumulative rounding, so the shares add up to `rows` exactly).
 */
export function writeLlmLog(
  db: Database.Database,
  runs: readonly Run[],
  generator: LlmCallGenerator,
  writer: LlmLogWriter,
  rows: number | undefined,
): LlmTotals {
  return withIndexesBuiltAfterwards(db, "llm_usage_log", () => streamRuns(runs, generator, writer, rows));
}

function streamRuns(
  runs: readonly Run[],
  generator: LlmCallGenerator,
  writer: LlmLogWriter,
  rows: number | undefined,
): LlmTotals {
  if (rows === undefined) {
    for (const run of runs) generator.emitRun(run, undefined, writer.add);
  } else {
    const weights = runs.map((run) => generator.plannedCalls(run));
    const total = weights.reduce((sum, w) => sum + w, 0);
    let cumulative = 0;
    let assigned = 0;
    runs.forEach((run, i) => {
      cumulative += weights[i]!;
      const upTo = i === runs.length - 1 ? rows : Math.round((rows * cumulative) / total);
      if (upTo > assigned) generator.emitRun(run, upTo - assigned, writer.add);
      assigned = upTo;
    });
  }
  return writer.finish();
}

/**
 * Drops the table's indexes and triggers for a bulk load and recreates them from their own SQL afterwards (a
 * failure rolls the seed's transaction back, drops included, so the schema stays exact): sorting once is far
 * faster than updating three B-trees per row. No trigger counts a call (they only note corrections of counted calls,
 * migrations/0010): the loaded rows are put above the watermark (migrations/0007), where they are counted into the
 * aggregates as any new call is (seedFile's backfill).
 */
function withIndexesBuiltAfterwards<T>(db: Database.Database, table: string, load: () => T): T {
  const objects = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
    )
    .all(table) as { type: "index" | "trigger"; name: string; sql: string }[];
  for (const { type, name } of objects) db.exec(`DROP ${type.toUpperCase()} "${name.replaceAll('"', '""')}"`);
  const loaded = load();
  db.exec(
    `UPDATE agent_desk_backfill SET next_id = (SELECT coalesce(min(id), 1) FROM ${table}), last_id = (SELECT coalesce(max(id), 0) FROM ${table}) WHERE name = '${table}'`,
  );
  for (const { sql } of objects) db.exec(sql);
  return loaded;
}

/** Progress lines for big logs (from 500,000 rows): about one per tenth. */
export function progressReport(
  total: number,
  started: number,
  log: (line: string) => void,
): ((rows: number) => void) | undefined {
  if (total < 500_000) return undefined;
  const step = Math.ceil(total / 10 / ROWS_PER_REPORT) * ROWS_PER_REPORT;
  return (rows) => {
    if (rows % step !== 0 && rows !== total) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const after = rows === total ? "; building its indexes" : "";
    log(
      `  llm_usage_log: ${rows.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows (${seconds} s${after})`,
    );
  };
}
