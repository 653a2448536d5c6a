import { spawnSync } from "node:child_process";

/** Writes the demo dataset to `file` through the db:seed command. */
export async function seedDemo(file: string): Promise<void> {
  console.log(`creating the demo database at ${file}…`);
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/db-seed.ts", "--db", file], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`seeding the demo database failed (exit ${result.status ?? result.signal})`);
}
