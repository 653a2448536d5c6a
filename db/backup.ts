import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A consistent online copy through SQLite's backup API: safe while the Python writer has the file open, in
 * either journal mode (a plain file copy of a live WAL database misses what is still in the -wal file).
 * Writes to `backups/` beside the database and returns the path once the copy has opened and checked clean.
 */
export async function backupDatabase(db: Database.Database, reason: string): Promise<string> {
  const dir = path.join(path.dirname(db.name), "backups");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*$/, "");
  const base = path.basename(db.name, path.extname(db.name));
  let target = path.join(dir, `${base}-${stamp}-${reason}.db`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}-${stamp}-${reason}-${n}.db`);

  // Written under a temporary name, renamed once checked: a backup interrupted half-way is never mistaken for one.
  const partial = `${target}.partial`;
  await db.backup(partial);
  const copy = new Database(partial, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`backup ${target} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
  return target;
}
