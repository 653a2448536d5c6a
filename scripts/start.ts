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
  else await migrateFile(config.databasePath);
  // Sign-in is not built yet: a password must not open the dashboard to the network unprotected.
  const served = config.dashboardPassword ? { ...config, host: "127.0.0.1" } : config;
  if (config.dashboardPassword) console.warn("note: DASHBOARD_PASSWORD is set, but sign-in is not available yet: serving on 127.0.0.1 only");
  console.log(`Agent Desk on http://${served.host}:${served.port} (local single-user mode) over ${config.databasePath}`);
  serve(served);
});
