import fs from "node:fs";
import path from "node:path";
import { backupTo } from "@/db/backup";
import { openDatabase } from "@/db/connection";
import { databaseArg, readArgs, runCli, UsageError } from "./cli";

runCli(async () => {
  const args = readArgs({ db: { type: "string" }, out: { type: "string" } }, "npm run db:backup -- [--db PATH] [--out FILE]");
  const file = databaseArg(args.db);
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist; there is nothing to back up`);
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*$/, "");
  const out = path.resolve(args.out ?? path.join(path.dirname(file), "backups", `${path.basename(file, path.extname(file))}-${stamp}.db`));
  if (fs.existsSync(out)) throw new UsageError(`--out ${out} already exists; choose another file`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = openDatabase(file, { readonly: true });
  const started = performance.now();
  try {
    const counts = await backupTo(db, out);
    console.log(`backed up ${file} to ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s; integrity_check ok`);
    for (const [table, rows] of Object.entries(counts)) console.log(`  ${table}: ${rows.toLocaleString("en-US")} rows`);
  } finally {
    db.close();
  }
});
