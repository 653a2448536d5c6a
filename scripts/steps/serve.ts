import { spawn } from "node:child_process";
import path from "node:path";
import type { Config } from "@/lib/server/config";

/** The production server's command (scripts/server.ts: Next.js behind the front that settles who is asking). */
export const SERVER_ARGS = ["--import", "tsx", path.resolve(__dirname, "..", "server.ts")];

/** Starts the production server for `config` and ties its life to this process. */
export function serve(config: Config, env: NodeJS.ProcessEnv = process.env): void {
  const server = spawn(process.execPath, SERVER_ARGS, {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", DATABASE_PATH: config.databasePath },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
