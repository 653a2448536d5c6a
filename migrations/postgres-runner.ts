import path from "node:path";
import type pg from "pg";
import { MIGRATIONS_DIR, readMigrations, type Migration } from "./migration-files";
import { MigrationError } from "./runner";

// The central store's migrations (migrations/postgres/*.sql), in the same file format as the SQLite ones and
// applied the same way: in order, each in its own transaction with its record, refused when a landed file changed.
// PostgreSQL runs DDL inside transactions, so a migration that fails leaves nothing behind. Backups are the
// operator's job here (pg_dump, or the server's own base backups): a central store can be far larger than a file,
// and its operators already have a backup policy (README "More than one trading system").

type Log = (line: string) => void;

export const POSTGRES_MIGRATIONS_DIR = path.join(MIGRATIONS_DIR, "postgres");

const TRACKING_TABLE = `CREATE TABLE IF NOT EXISTS agent_desk_migrations (
    name TEXT PRIMARY KEY,
    checksum TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

// One runner at a time per database: two desks starting together would otherwise both apply 0001.
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('agent_desk_migrations'))";

export async function planPostgres(
  client: pg.ClientBase,
  migrations = readMigrations(POSTGRES_MIGRATIONS_DIR),
): Promise<{ applied: string[]; pending: Migration[] }> {
  const exists = await client.query("SELECT to_regclass('agent_desk_migrations') IS NOT NULL AS ok");
  const applied: { name: string; checksum: string }[] = exists.rows[0].ok
    ? (await client.query("SELECT name, checksum FROM agent_desk_migrations ORDER BY name")).rows
    : [];
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const migration = known.get(row.name);
    if (!migration)
      throw new MigrationError(
        `the database has migration ${row.name}, which this Agent Desk does not know: it was migrated by a newer version`,
      );
    if (migration.checksum !== row.checksum)
      throw new MigrationError(
        `migrations/postgres/${row.name}.sql changed after it was applied; landed migrations are never edited`,
      );
  }
  const done = new Set(applied.map((r) => r.name));
  return { applied: applied.map((r) => r.name), pending: migrations.filter((m) => !done.has(m.name)) };
}

export async function migratePostgres(
  client: pg.ClientBase,
  { log = console.log, dryRun = false, migrations = readMigrations(POSTGRES_MIGRATIONS_DIR) } = {} as {
    log?: Log;
    dryRun?: boolean;
    migrations?: Migration[];
  },
): Promise<void> {
  const { pending } = await planPostgres(client, migrations);
  if (pending.length === 0) return log("the central database is up to date; nothing to do");
  for (const m of pending) log(`${dryRun ? "would apply" : "pending"}: ${m.name} (${m.description})`);
  if (dryRun) return;
  for (const m of pending) {
    await transaction(client, m.name, async () => {
      await client.query(LOCK);
      await client.query(TRACKING_TABLE);
      // Another desk may have applied it while this one waited for the lock.
      const done = await client.query("SELECT 1 FROM agent_desk_migrations WHERE name = $1", [m.name]);
      if (done.rowCount) return;
      await client.query(m.up);
      await client.query("INSERT INTO agent_desk_migrations (name, checksum) VALUES ($1, $2)", [m.name, m.checksum]);
    });
    log(`applied: ${m.name}`);
  }
}

export async function rollbackPostgres(
  client: pg.ClientBase,
  { log = console.log, migrations = readMigrations(POSTGRES_MIGRATIONS_DIR) } = {} as {
    log?: Log;
    migrations?: Migration[];
  },
): Promise<void> {
  const { applied } = await planPostgres(client, migrations);
  const last = applied.at(-1);
  if (!last) throw new MigrationError("the central database has no Agent Desk migration to roll back");
  const migration = migrations.find((m) => m.name === last)!;
  if (!migration.down) throw new MigrationError(`${migration.name} has no '-- migrate:down' part`);
  await transaction(client, migration.name, async () => {
    await client.query(LOCK);
    await client.query(migration.down!);
    await client.query("DELETE FROM agent_desk_migrations WHERE name = $1", [migration.name]);
  });
  log(`rolled back: ${migration.name}`);
}

async function transaction(client: pg.ClientBase, name: string, work: () => Promise<void>) {
  await client.query("BEGIN");
  try {
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationError(`${name} failed and was undone, the database is unchanged: ${(error as Error).message}`);
  }
}
