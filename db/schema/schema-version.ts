import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const schemaVersion = sqliteTable("schema_version", {
  version: integer("version").primaryKey(),
  appliedAt: text("applied_at").default(sql`CURRENT_TIMESTAMP`),
  description: text("description"),
});

export type SchemaVersion = typeof schemaVersion.$inferSelect;
