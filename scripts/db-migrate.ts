import { migrateFile, verifyFile } from "@/migrations/migrate-file";
import { databaseArg, readArgs, runCli } from "./cli";

runCli(async () => {
  const args = readArgs(
    {
      db: { type: "string" },
      verify: { type: "boolean" },
      "dry-run": { type: "boolean" },
      "no-count": { type: "boolean" },
    },
    "npm run db:migrate -- [--db PATH] [--verify] [--dry-run] [--no-count]",
  );
  const file = databaseArg(args.db);
  if (args.verify) await verifyFile(file);
  // --no-count: the server's background count does the counting (it runs this to migrate a file it serves).
  else await migrateFile(file, { dryRun: args["dry-run"], count: !args["no-count"] });
});
