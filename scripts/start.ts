import fs from "node:fs";
import { readConfig } from "@/lib/config";
import { isLoopbackAddress } from "@/lib/network-settings";
import { sessionSecret } from "@/lib/session-secret";
import { migrateFile, pendingMigrations } from "@/migrations/migrate-file";
import { runCli } from "./cli";
import { buildIfNeeded } from "./steps/build";
import { seedDemo } from "./steps/seed-demo";
import { serve } from "./steps/serve";

runCli(async () => {
  const config = readConfig(); // first, so a bad value stops start-up before anything is written
  if (config.dashboardPassword) sessionSecret(config); // a missing secret is made now; an empty or short one stops here
  buildIfNeeded();
  if (config.isDemo && !fs.existsSync(config.databasePath)) await seedDemo(config);
  else if (!fs.existsSync(config.databasePath)) await migrateFile(config.databasePath, { count: false }); // a new file: the full schema at once
  else if (pendingMigrations(config.databasePath).length > 0) {
    // Served at once: the server backs the file up and migrates it (the banner on every page says how far), then
    // counts it newest first, so the recent periods are ready before the whole file is.
    console.log(`${config.databasePath} has pending migrations: the server backs it up and applies them now; pages say how far it is`);
  }
  const mode = config.dashboardPassword ? (config.publicDashboard ? "operators sign in; pages open read-only" : "operators sign in") : "local single-user mode";
  console.log(`Agent Desk on http://${config.host}:${config.port} (${mode}) over ${config.databasePath}`);
  if (!isLoopbackAddress(config.host)) {
    console.warn(
      `warning: plain HTTP on ${config.host}: the password and the session cookie cross the network in clear. Put a TLS reverse proxy in front ` +
        `and set HOST=127.0.0.1 TRUSTED_PROXY=127.0.0.1, or set HOST to an interface only trusted machines reach (README: "Signing in on a network")`,
    );
  }
  serve(config);
});
