import { spawn } from "node:child_process";
import type { Config } from "@/lib/config";

/** Starts the production server (scripts/server.ts) for `config` and ties its life to this process. */
export function serve(config: Config, env: NodeJS.ProcessEnv = process.env): void {
  const server = spawn(process.execPath, ["--import", "tsx", require.resolve("../server.ts")], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", DATABASE_PATH: config.databasePath },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
