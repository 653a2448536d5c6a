import fs from "node:fs";
import type { Config } from "@/lib/server/config";
import { sessionSecret } from "@/lib/server/session-secret";
import { migrateFile, pendingMigrations } from "@/migrations/migrate-file";
import { seedDemo } from "./seed-demo";

/**
 * What `npm start` and `npm run dev` do before serving: the session secret when a password is set (a short one
 * stops here), the demo file seeded when missing, a missing file of the trading system's created with the full
 * schema. A file with pending migrations is served at once: the server backs it up and migrates it itself (the
 * banner on every page says how far), then counts it newest first, so recent periods are ready first.
 */
export async function prepareFile(config: Config): Promise<void> {
  if (config.dashboardPassword) sessionSecret(config);
  if (config.isDemo && !fs.existsSync(config.databasePath)) await seedDemo(config);
  else if (!fs.existsSync(config.databasePath)) await migrateFile(config.databasePath, { count: false });
  else if (pendingMigrations(config.databasePath).length > 0) {
    console.log(
      `${config.databasePath} has pending migrations: the server backs it up and applies them now; pages say how far it is`,
    );
  }
}
