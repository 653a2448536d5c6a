import fs from "node:fs";
import { openDatabase } from "@/db/connection";
import { rollback } from "@/migrations/runner";
import { databaseArg, readArgs, runCli, UsageError } from "./cli";

runCli(async () => {
  const args = readArgs({ db: { type: "string" } }, "npm run db:rollback -- [--db PATH]");
  const file = databaseArg(args.db);
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist; there is nothing to roll back`);
  const db = openDatabase(file);
  try {
    await rollback(db);
  } finally {
    db.close();
  }
});
