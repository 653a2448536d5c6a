import fs from "node:fs";
import path from "node:path";
import { backupPath, backupTo, pruneBackups } from "@/db/backup";
import { openDatabase } from "@/db/connection";
import { readBackupKeep } from "@/lib/server/backup-keep";
import { databaseArg, readArgs, runCli, UsageError } from "./cli";

const USAGE = "npm run db:backup -- [--db PATH] [--out FILE] [--timeout SECONDS]";

runCli(async () => {
  const args = readArgs({ db: { type: "string" }, out: { type: "string" }, timeout: { type: "string" } }, USAGE);
  const file = databaseArg(args.db);
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist; there is nothing to back up`);
  const timeoutMs = args.timeout === undefined ? undefined : seconds(args.timeout) * 1000;
  // Only backups in backups/ beside the file, under Agent Desk's names, are pruned; a chosen --out never is.
  const keep = args.out === undefined ? readBackupKeep() : undefined;
  const out = path.resolve(args.out ?? backupPath(file));
  if (fs.existsSync(out)) throw new UsageError(`--out ${out} already exists; choose another file`);
  const db = openDatabase(file, { readonly: true });
  const started = performance.now();
  try {
    const { counts } = await backupTo(db, out, { timeoutMs });
    console.log(
      `backed up ${file} to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s; integrity_check ok`,
    );
    for (const [table, rows] of Object.entries(counts)) console.log(`  ${table}: ${rows.toLocaleString("en-US")} rows`);
    if (keep !== undefined)
      for (const old of pruneBackups(file, keep, out))
        console.log(`deleted ${old} (only the newest ${keep} are kept, BACKUP_KEEP)`);
  } finally {
    db.close();
  }
});

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || n <= 0)
    throw new UsageError(`--timeout '${value}' is not a number of seconds\nusage: ${USAGE}`);
  return n;
}
