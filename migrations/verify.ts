import Database from "better-sqlite3";
import { readMigrations, type Migration } from "./migration-files";
import { migrate, plan } from "./runner";

export type Drift = { missing: string[]; changed: string[]; extra: string[]; pending: string[] };

/**
 * Compares the file's schema with the one the migrations produce on an empty database. Objects are compared by
 * their SQL with whitespace normalised, which covers columns, types, defaults, CHECKs, UNIQUE and indexes.
 */
export async function verify(db: Database.Database, migrations: Migration[] = readMigrations()): Promise<Drift> {
  const expected = new Database(":memory:");
  try {
    await migrate(expected, { migrations, log: () => {} });
    const want = schemaObjects(expected);
    const have = schemaObjects(db);
    return {
      pending: plan(db, migrations).pending.map((m) => m.name),
      missing: [...want.keys()].filter((key) => !have.has(key)),
      changed: [...want.keys()].filter((key) => have.has(key) && have.get(key) !== want.get(key)),
      extra: [...have.keys()].filter((key) => !want.has(key)),
    };
  } finally {
    expected.close();
  }
}

function schemaObjects(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL")
    .all() as { type: string; name: string; sql: string }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, normaliseSql(r.sql)]));
}

export function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1")
    .trim();
}
