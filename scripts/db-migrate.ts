import { migrateFile, verifyFile } from "@/migrations/migrate-file";
import { databaseArg, readArgs, runCli } from "./cli";

runCli(async () => {
  const args = readArgs(
    { db: { type: "string" }, verify: { type: "boolean" }, "dry-run": { type: "boolean" } },
    "npm run db:migrate -- [--db PATH] [--verify] [--dry-run]",
  );
  const file = databaseArg(args.db);
  if (args.verify) await verifyFile(file);
  else await migrateFile(file, { dryRun: args["dry-run"] });
});
