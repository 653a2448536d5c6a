import { spawn } from "node:child_process";
import type { Config } from "@/lib/config";

/** Starts the production server for `config` and ties its life to this process. */
export function serve(config: Config, env: NodeJS.ProcessEnv = process.env): void {
  const server = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "--port", String(config.port), "--hostname", config.host],
    { stdio: "inherit", env: { ...env, DATABASE_PATH: config.databasePath } },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
