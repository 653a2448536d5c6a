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
  // Served at once: the server's background count aggregates what the file holds (/system shows how far it is).
  else await migrateFile(config.databasePath, { count: false });
  const mode = config.dashboardPassword ? (config.publicDashboard ? "operators sign in; pages open read-only" : "operators sign in") : "local single-user mode";
  console.log(`Agent Desk on http://${config.host}:${config.port} (${mode}) over ${config.databasePath}`);
  serve(config);
});
