// Starts a production server over a fresh database for the end-to-end tests: `demo` (seeded) or `empty`.
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "@/lib/config";
import { migrateFile } from "@/migrations/migrate-file";
import { seedDemo } from "@/scripts/steps/seed-demo";
import { serve } from "@/scripts/steps/serve";

const [kind, port] = process.argv.slice(2);
const file = path.resolve("e2e", ".data", `${kind}.db`);
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });

const env = { ...process.env, DATABASE_PATH: file, PORT: port };
const config = readConfig(env);
(kind === "demo" ? seedDemo(config) : migrateFile(file, { log: () => {} })).then(() => serve(config, env));
