import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type Migration = {
  /** File name without `.sql`, e.g. `0002_agent_desk_tables`; the order is the name's order. */
  name: string;
  /** The first comment line: what the migration does, written to `schema_version.description`. */
  description: string;
  checksum: string;
  up: string;
  down: string | undefined;
  /** The trading system's own schema: records its own schema_version row and can never be undone. */
  baseline: boolean;
};

// The server reads the folder at run time, from where it was started; the bundler need not trace it.
export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "migrations");

const NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** Every migration in the folder, in order. A file is split at `-- migrate:up` and `-- migrate:down`. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => NAME.test(file))
    .sort()
    .map((file) => parseMigration(file.slice(0, -".sql".length), fs.readFileSync(path.join(dir, file), "utf8")));
}

export function parseMigration(name: string, text: string): Migration {
  const upAt = text.indexOf("-- migrate:up");
  if (upAt < 0) throw new Error(`migration ${name} has no '-- migrate:up' line`);
  const downAt = text.indexOf("-- migrate:down");
  const header = text.slice(0, upAt);
  const up = text.slice(upAt + "-- migrate:up".length, downAt < 0 ? undefined : downAt).trim();
  const down = downAt < 0 ? undefined : text.slice(downAt + "-- migrate:down".length).trim();
  const firstComment = header.split("\n").find((line) => line.startsWith("--"));
  return {
    name,
    description: (firstComment ?? `-- ${name}`).replace(/^--\s*(\d{4}:\s*)?/, "").trim(),
    checksum: createHash("sha256").update(text).digest("hex"),
    up,
    down: down || undefined,
    baseline: /^-- migrate:baseline\s*$/m.test(header),
  };
}
