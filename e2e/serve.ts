// Starts a production server over a fresh database for the end-to-end tests: `demo` (seeded) or `empty`.
import fs from "node:fs";
import path from "node:path";
import { readConfig } from "@/lib/config";
import { migrateFile } from "@/migrations/migrate-file";
import { seedDemo } from "@/scripts/steps/seed-demo";
import { serve } from "@/scripts/steps/serve";

const [kind, port] = process.argv.slice(2);
const file = path.resolve("e2e", ".data", `${kind}.db`);
fs.rmSync(path.dirname(file) + `/${kind}.db`, { force: true });
for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });

const env = { ...process.env, DATABASE_PATH: file, PORT: port };
const log = () => {};
(kind === "demo" ? seedDemo(file) : migrateFile(file, { log })).then(() => serve(readConfig(env), env));
