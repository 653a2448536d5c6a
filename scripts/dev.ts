// `npm run dev`: `next dev` over the file `npm start` would serve, made ready the same way first, so a fresh clone
// (no data/demo.db yet) opens on the demo data instead of an error.
import { spawn } from "node:child_process";
import { readConfig } from "@/lib/server/config";
import { runCli } from "./cli";
import { prepareFile } from "./steps/prepare-file";

runCli(async () => {
  const config = readConfig(); // first, so a bad value stops start-up before anything is written
  await prepareFile(config);
  console.log(`Agent Desk (development) on http://${config.host}:${config.port} over ${config.databasePath}`);
  const next = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "dev", "--hostname", config.host, "--port", String(config.port)],
    {
      stdio: "inherit",
      env: { ...process.env, DATABASE_PATH: config.databasePath },
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
});
