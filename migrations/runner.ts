import Database from "better-sqlite3";
import { backupDatabase } from "@/db/backup";
import { readMigrations, type Migration } from "./migration-files";

/** A migration problem the user must act on; its message is one line. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

type Log = (line: string) => void;

// The runner's own record, kept like Drizzle's journal table but able to say which schema_version each added.
const TRACKING_TABLE = `CREATE TABLE IF NOT EXISTS agent_desk_migrations (
    name TEXT PRIMARY KEY,
    checksum TEXT NOT NULL,
    schema_version INTEGER,
    applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)`;

type Applied = { name: string; checksum: string; schema_version: number | null };

export type Plan = { applied: Applied[]; pending: Migration[]; schemaVersion: number | null };

export function plan(db: Database.Database, migrations = readMigrations()): Plan {
  const applied = hasTable(db, "agent_desk_migrations")
    ? (db.prepare("SELECT name, checksum, schema_version FROM agent_desk_migrations ORDER BY name").all() as Applied[])
    : [];
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const migration = known.get(row.name);
    if (!migration) {
      throw new MigrationError(
        `the file has migration ${row.name}, which this Agent Desk does not know: it was migrated by a newer version`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `migrations/${row.name}.sql changed after it was applied to this file; landed migrations are never edited`,
      );
    }
  }
  const done = new Set(applied.map((row) => row.name));
  return { applied, pending: migrations.filter((m) => !done.has(m.name)), schemaVersion: schemaVersion(db) };
}

/** Applies every pending migration, each in its own immediate transaction, after a backup of a non-empty file. */
export async function migrate(
  db: Database.Database,
  {
    dryRun = false,
    log = console.log,
    migrations = readMigrations(),
  }: { dryRun?: boolean; log?: Log; migrations?: Migration[] } = {},
): Promise<Plan> {
  const before = plan(db, migrations);
  if (before.pending.length === 0) {
    log(`${db.name} is up to date (schema_version ${before.schemaVersion ?? "none"}); nothing to do`);
    return before;
  }
  let version = before.schemaVersion ?? 0;
  for (const m of before.pending) {
    if (m.baseline) version = Math.max(version, 1);
    const records = m.baseline ? "ensures the trading system's schema_version 1" : `adds schema_version ${++version}`;
    log(`${dryRun ? "would apply" : "pending"}: ${m.name} (${m.description}); ${records}`);
  }
  if (dryRun) return before;

  if (userTables(db).length > 0)
    log(`backup: ${await backupDatabase(db, `before-${before.pending[0]!.name}`, { log })}`);
  for (const m of before.pending) {
    transaction(db, m.name, () => {
      db.exec(TRACKING_TABLE);
      db.exec(m.up);
      let recorded = 1; // the baseline's INSERT OR IGNORE wrote (or found) the trading system's version 1
      if (!m.baseline) {
        recorded = (schemaVersion(db) ?? 0) + 1;
        db.prepare("INSERT INTO schema_version (version, description) VALUES (?, ?)").run(
          recorded,
          `Agent Desk: ${m.description}`,
        );
      }
      db.prepare("INSERT INTO agent_desk_migrations (name, checksum, schema_version) VALUES (?, ?, ?)").run(
        m.name,
        m.checksum,
        recorded,
      );
    });
    log(`applied: ${m.name}`);
  }
  const after = plan(db, migrations);
  log(`${db.name} is at schema_version ${after.schemaVersion}`);
  return after;
}

/** Undoes the last applied migration: its down SQL, its schema_version row and its record, in one transaction. */
export async function rollback(
  db: Database.Database,
  { log = console.log, migrations = readMigrations() }: { log?: Log; migrations?: Migration[] } = {},
): Promise<void> {
  const { applied } = plan(db, migrations);
  const last = applied.at(-1);
  if (!last) throw new MigrationError(`${db.name} has no Agent Desk migration to roll back`);
  const migration = migrations.find((m) => m.name === last.name)!;
  if (migration.baseline || !migration.down) {
    throw new MigrationError(
      `${migration.name} is the trading system's own schema; undoing it would drop its tables, so it cannot be rolled back`,
    );
  }
  log(`backup: ${await backupDatabase(db, `before-rollback-${migration.name}`, { log })}`);
  transaction(db, migration.name, () => {
    db.exec(migration.down!);
    if (last.schema_version !== null)
      db.prepare("DELETE FROM schema_version WHERE version = ?").run(last.schema_version);
    db.prepare("DELETE FROM agent_desk_migrations WHERE name = ?").run(migration.name);
  });
  log(`rolled back: ${migration.name}; ${db.name} is at schema_version ${schemaVersion(db) ?? "none"}`);
}

function transaction(db: Database.Database, name: string, work: () => void): void {
  db.exec("BEGIN IMMEDIATE");
  try {
    work();
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw new MigrationError(`${name} failed and was undone, the file is unchanged: ${(error as Error).message}`);
  }
}

function schemaVersion(db: Database.Database): number | null {
  if (!hasTable(db, "schema_version")) return null;
  return (db.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number | null }).v;
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function userTables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}
