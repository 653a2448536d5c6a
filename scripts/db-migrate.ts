import { migrateFile, verifyFile } from "@/migrations/migrate-file";
import { readConfig } from "@/lib/server/config";
import { databaseArg, readArgs, runCli } from "./cli";
import { prepareCentral } from "./steps/prepare-central";

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
  else if (args["dry-run"]) await migrateFile(file, { dryRun: true });
  else {
    await migrateFile(file, { count: !args["no-count"] });
    await prepareCentral(readConfig()); // with DATABASE_URL, the central store too
  }
});
