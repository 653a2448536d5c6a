// Starts a production server over a fresh database for the end-to-end tests: `demo` (seeded), `empty`, or
// `control`: the demo behind a password, with a writable copy of the trading system's agent config to rewrite.
// Any other kind is the demo with the caller's environment, in e2e/.data/<kind>.db (e2e/security/ gives each of its
// servers a folder of its own this way: `security-<name>/trading`).
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "@/lib/server/config";
import { migrateFile } from "@/migrations/migrate-file";
import { seedDemo } from "@/scripts/steps/seed-demo";
import { prepareCentral } from "@/scripts/steps/prepare-central";
import { serve } from "@/scripts/steps/serve";
import { BUNDLED_AGENT_CONFIG, CONTROL_AGENT_CONFIG, CONTROL_PASSWORD } from "./control/settings";

const [kind, port] = process.argv.slice(2);
const file = path.resolve("e2e", ".data", `${kind}.db`);
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });

if (kind === "control") fs.copyFileSync(BUNDLED_AGENT_CONFIG, CONTROL_AGENT_CONFIG);
const control =
  kind === "control" ? { DASHBOARD_PASSWORD: CONTROL_PASSWORD, AGENT_CONFIG_PATH: CONTROL_AGENT_CONFIG } : {};
const env = { ...process.env, DATABASE_PATH: file, PORT: port, ...control };
const config = readConfig(env);
(kind !== "empty" ? seedDemo(config) : migrateFile(file, { log: () => {}, timeZone: config.dataTimeZone }))
  .then(() => prepareCentral(config, () => {}))
  .then(() => serve(config, env));
