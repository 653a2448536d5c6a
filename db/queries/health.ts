import "server-only";
import fs from "node:fs";
import { database } from "@/db";

export type Health = { schema_version: number | null; database: { journal_mode: string; size_bytes: number; last_event_at: string | null } };

/** What /api/health reports: readable file, its schema version, size and newest event. Throws when unreadable. */
export function getHealth(): Health {
  const { sqlite } = database();
  const version = sqlite.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number | null };
  // Each table's newest text by its timestamp index; the newest of those is close enough for "is it alive".
  const newest = sqlite
    .prepare(
      `SELECT max(t) AS t FROM (
         SELECT max(timestamp) AS t FROM llm_usage_log UNION ALL SELECT max(timestamp) FROM trades
         UNION ALL SELECT max(timestamp) FROM model_evolution_history)`,
    )
    .get() as { t: string | null };
  return {
    schema_version: version.v,
    database: {
      journal_mode: String(sqlite.pragma("journal_mode", { simple: true })),
      size_bytes: fs.statSync(sqlite.name).size,
      last_event_at: newest.t,
    },
  };
}
