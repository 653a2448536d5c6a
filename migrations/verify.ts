import Database from "better-sqlite3";
import { readMigrations, type Migration } from "./migration-files";
import { migrate, plan } from "./runner";

/**
 * Each entry is `type name` (`table trades`, `index idx_trades_ticker`) or, for a column of one of the trading
 * system's tables, `column table.name`. `missing` and `changed` are drift, `extra` only notes.
 */
export type Drift = { missing: string[]; changed: string[]; extra: string[]; pending: string[] };

/**
 * Compares the file's schema with the one the migrations produce on an empty database. Agent Desk's own objects
 * are compared by their SQL with whitespace normalised, which covers columns, types, defaults, CHECKs, UNIQUE and
 * indexes. The trading system's objects (those the baseline migration makes) are its to change, as its own
 * migration script does with ALTER TABLE: of its tables only the columns Agent Desk reads must be there, by name,
 * and of its indexes only the lookups Agent Desk's reads rely on; what it adds is noted.
 */
export async function verify(db: Database.Database, migrations: Migration[] = readMigrations()): Promise<Drift> {
  const expected = new Database(":memory:");
  try {
    await migrate(expected, { migrations, log: () => {} });
    const theirs = tradingSystemObjects(migrations);
    const want = schemaObjects(expected);
    const have = schemaObjects(db);
    const present = [...want.keys()].filter((key) => have.has(key));
    const columns = present
      .filter((key) => theirs.has(key) && key.startsWith("table "))
      .map((key) => columnDrift(expected, db, key.slice("table ".length)));
    const differs = (key: string) =>
      theirs.has(key)
        ? key.startsWith("index ") && !servesLookups(expected, db, key.slice("index ".length))
        : have.get(key) !== want.get(key);
    return {
      pending: plan(db, migrations).pending.map((m) => m.name),
      missing: [...[...want.keys()].filter((key) => !have.has(key)), ...columns.flatMap((c) => c.missing)],
      changed: present.filter(differs),
      extra: [...[...have.keys()].filter((key) => !want.has(key)), ...columns.flatMap((c) => c.extra)],
    };
  } finally {
    expected.close();
  }
}

/** The objects the baseline migration makes: the trading system's own schema, schema_version included. */
function tradingSystemObjects(migrations: Migration[]): Set<string> {
  const db = new Database(":memory:");
  try {
    for (const m of migrations) if (m.baseline) db.exec(m.up);
    return new Set(schemaObjects(db).keys());
  } finally {
    db.close();
  }
}

function schemaObjects(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL")
    .all() as { type: string; name: string; sql: string }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, normaliseSql(r.sql)]));
}

/**
 * Columns by name only: Drizzle and Agent Desk's SELECTs name every column they read, so a column the trading
 * system adds is never in their way, and one it drops or renames breaks them.
 */
function columnDrift(expected: Database.Database, db: Database.Database, table: string) {
  const want = columnNames(expected, table);
  const have = columnNames(db, table);
  return {
    missing: want.filter((c) => !have.includes(c)).map((c) => `column ${table}.${c}`),
    extra: have.filter((c) => !want.includes(c)).map((c) => `column ${table}.${c}`),
  };
}

function columnNames(db: Database.Database, table: string): string[] {
  return (db.prepare("SELECT name FROM pragma_table_xinfo(?)").all(table) as { name: string }[]).map((c) => c.name);
}

/**
 * Whether the trading system's index, however it re-created it, still serves the lookups the migrations' version
 * does: on the same table, over all rows (not partial), with the expected key columns and collations leading, as
 * SQLite uses an index for any leading run of its columns. UNIQUE, DESC or more columns after them change nothing.
 */
function servesLookups(expected: Database.Database, db: Database.Database, index: string): boolean {
  const want = indexedLookup(expected, index);
  const have = indexedLookup(db, index);
  return !have.partial && have.table === want.table && want.keys.every((key, i) => have.keys[i] === key);
}

function indexedLookup(db: Database.Database, index: string) {
  const { tbl_name: table } = db
    .prepare("SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?")
    .get(index) as { tbl_name: string };
  const { partial } = db.prepare("SELECT partial FROM pragma_index_list(?) WHERE name = ?").get(table, index) as {
    partial: number;
  };
  // An expression key has no name (cid -2); it never equals a column key.
  const keys = db
    .prepare(
      "SELECT coalesce(name, '(expression)') || ' ' || coll AS key FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
    )
    .all(index) as { key: string }[];
  return { table, partial: partial === 1, keys: keys.map((k) => k.key) };
}

export function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1")
    .trim();
}
