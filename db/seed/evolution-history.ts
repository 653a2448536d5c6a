import type Database from "better-sqlite3";
import type { Swap } from "./story";
import type { TimestampFormatter } from "./timestamps";

export function writeSwaps(db: Database.Database, swaps: readonly Swap[], formatter: TimestampFormatter): void {
  const insert = db.prepare(
    `INSERT INTO model_evolution_history (timestamp, agent_name, old_provider, old_model, new_provider, new_model, reason,
       performance_improvement, triggered_by, validation_period_days, rollback_threshold, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of swaps) {
    insert.run(
      formatter.pythonIso(s.wallUs),
      s.agent,
      s.oldProvider,
      s.oldModel,
      s.newProvider,
      s.newModel,
      s.reason,
      s.performanceImprovement,
      s.triggeredBy,
      s.validationPeriodDays,
      s.rollbackThreshold,
      formatter.sqliteUtc(s.wallUs),
    );
  }
}
