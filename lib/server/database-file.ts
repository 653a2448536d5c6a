import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ConfigError } from "../config-error";

/**
 * Checks, without writing anything, that `file` can be Agent Desk's database: a SQLite file it may write to, or a
 * path where one can be created. `label` names the setting in the error (DATABASE_PATH, --db).
 */
export function checkDatabaseFile(file: string, label: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return checkCreatable(file, label);
    throw new ConfigError(`${label} '${file}' cannot be read: ${(error as Error).message}`);
  }
  if (stat.isDirectory()) throw new ConfigError(`${label} '${file}' is a directory; it must name a SQLite file`);
  if (!stat.isFile()) throw new ConfigError(`${label} '${file}' is not a regular file`);
  // Mode bits, not access(2): as root every file is writable, yet a file marked read-only is a user's intent.
  if ((stat.mode & 0o222) === 0) {
    throw new ConfigError(
      `${label} '${file}' is read-only; Agent Desk needs write access to migrate it and record swaps`,
    );
  }
  if (stat.size === 0) return; // SQLite treats an empty file as a new database
  // Asked of SQLite itself, never by opening the file here: closing any descriptor of a file drops every POSIX lock
  // this process holds on it, the server's SQLite connections' included. The trading system's next connection then
  // took itself for the last one, checkpointed and reset the WAL under them, and they read "disk image is
  // malformed" (seen on a 10M-call file beside the Python writer). SQLite shares its descriptors between connections.
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("schema_version");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB")
      throw new ConfigError(`${label} '${file}' is not a SQLite database (its first bytes are not a SQLite header)`);
    throw new ConfigError(`${label} '${file}' cannot be read: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function checkCreatable(file: string, label: string): void {
  // Walk up to the nearest existing folder: missing folders are created later, but it must be a writable folder.
  let dir = path.resolve(file);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
    if (!fs.existsSync(dir)) continue;
    if (!fs.statSync(dir).isDirectory()) throw new ConfigError(`${label} '${file}': '${dir}' is a file, not a folder`);
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw new ConfigError(`${label} '${file}' cannot be created: folder '${dir}' is not writable`);
    }
    return;
  }
}
