import fs from "node:fs";
import { readConfig } from "@/lib/config";
import { migrateFile } from "@/migrations/migrate-file";
import { runCli } from "./cli";
import { buildIfNeeded } from "./steps/build";
import { seedDemo } from "./steps/seed-demo";
import { serve } from "./steps/serve";

runCli(async () => {
  const config = readConfig(); // first, so a bad value stops start-up before anything is written
  buildIfNeeded();
  if (config.isDemo && !fs.existsSync(config.databasePath)) await seedDemo(config);
  else await migrateFile(config.databasePath, { timeZone: config.dataTimeZone });
  const mode = config.dashboardPassword ? (config.publicDashboard ? "operators sign in; pages open read-only" : "operators sign in") : "local single-user mode";
  console.log(`Agent Desk on http://${config.host}:${config.port} (${mode}) over ${config.databasePath}`);
  serve(config);
});
