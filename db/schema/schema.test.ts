import path from "node:path";
import Database from "better-sqlite3";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/connection";
import { makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { migrate } from "@/migrations/runner";
import * as schema from "./index";

const tables: SQLiteTable[] = Object.values(schema).filter((value) => is(value, SQLiteTable));

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };

describe("the Drizzle schema", () => {
  it("matches the migrated file column for column, index for index", async () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "1"]);
    const db = openDatabase(file);
    await migrate(db, { log: () => {} });
    const fileTables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables.map((t) => getTableConfig(t).name).sort()).toEqual(fileTables.sort());

    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = db.prepare(`PRAGMA table_xinfo(${config.name})`).all() as Column[];
      expect(
        config.columns.map((c) => c.name),
        config.name,
      ).toEqual(columns.map((c) => c.name));
      const compositeKey = config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
      for (const column of config.columns) {
        const actual = columns.find((c) => c.name === column.name)!;
        const where = `${config.name}.${column.name}`;
        const inKey = column.primary || compositeKey.includes(column.name);
        expect(column.getSQLType().toUpperCase(), where).toBe(actual.type);
        expect(column.notNull || column.primary, where).toBe(
          actual.notnull === 1 || (actual.pk > 0 && !compositeKey.length),
        );
        expect(inKey, where).toBe(actual.pk > 0);
        expect(column.isUnique, where).toBe(uniqueColumns(db, config.name).includes(column.name));
        const declared =
          column.default === undefined
            ? null
            : String(
                (column.default as { queryChunks?: { value: string[] }[] }).queryChunks?.[0]?.value[0] ??
                  column.default,
              );
        expect(declared, where).toBe(actual.dflt_value);
      }
      const named = (
        db.prepare(`PRAGMA index_list(${config.name})`).all() as { name: string; origin: string }[]
      ).filter((i) => i.origin === "c");
      expect(config.indexes.map((i) => i.config.name).sort(), config.name).toEqual(named.map((i) => i.name).sort());
      for (const index of config.indexes) {
        const indexed = (db.prepare(`PRAGMA index_info(${index.config.name})`).all() as { name: string }[]).map(
          (c) => c.name,
        );
        expect(
          index.config.columns.map((c) => (c as { name?: string }).name ?? null),
          index.config.name,
        ).toEqual(indexed); // null: an expression
      }
      expect(config.checks.length, `${config.name} CHECKs`).toBe((sqlOf(db, config.name).match(/CHECK/g) ?? []).length);
    }
    db.close();
  });
});

function uniqueColumns(db: Database.Database, table: string): string[] {
  const unique = (
    db.prepare(`PRAGMA index_list(${table})`).all() as { name: string; unique: number; origin: string }[]
  ).filter((i) => i.unique && i.origin === "u");
  return unique.flatMap((i) => {
    const cols = db.prepare(`PRAGMA index_info(${i.name})`).all() as { name: string }[];
    return cols.length === 1 ? [cols[0]!.name] : [];
  });
}

function sqlOf(db: Database.Database, table: string): string {
  return (db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string }).sql;
}
