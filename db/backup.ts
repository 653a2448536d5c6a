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
  await backupTo(db, target, "quick_check");
  return target;
}

/**
 * Copies `db` to `target` (which must not exist) and checks the copy: written under a temporary name and renamed
 * once `check` says ok, so a backup interrupted half-way is never mistaken for one. Returns the copy's row counts.
 */
export async function backupTo(db: Database.Database, target: string, check: "quick_check" | "integrity_check" = "integrity_check"): Promise<Record<string, number>> {
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose another --out`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = new Database(partial, { readonly: true, fileMustExist: true });
    let counts: Record<string, number>;
    try {
      const result = copy.pragma(check, { simple: true });
      if (result !== "ok") throw new Error(`backup ${target} failed its ${check}: ${String(result)}`);
      const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
      counts = Object.fromEntries(tables.map((t) => [t, copy.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
    return counts;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
