import { parseSeedArgs, SeedError, seedFile, type SeedSettings, type SeedSummary } from "@/db/seed";
import { localDate } from "@/db/seed/wall-clock";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { readConfig } from "@/lib/server/config";
import { databaseArg, readArgs, runCli, UsageError } from "./cli";

const USAGE = "npm run db:seed -- --db PATH [--days 90] [--llm-rows N] [--trades N] [--seed S] [--end YYYY-MM-DD]";

runCli(async () => {
  const text = { type: "string" } as const;
  const args = readArgs({ db: text, days: text, "llm-rows": text, trades: text, seed: text, end: text }, USAGE);
  const file = databaseArg(args.db);
  // The other variables (DATA_TIMEZONE, AGENT_CONFIG_PATH) are checked as the dashboard checks them.
  const config = readConfig({ ...process.env, DATABASE_PATH: file });
  const now = new Date();
  try {
    const settings = parseSeedArgs(args, localDate(now, config.dataTimeZone));
    const summary = await seedFile(file, {
      ...settings,
      timeZone: config.dataTimeZone,
      agentConfig: loadAgentConfig(config.agentConfigPath),
      now,
      log: console.log,
    });
    printSummary(file, settings, config.dataTimeZone, summary);
  } catch (error) {
    if (error instanceof SeedError) throw new UsageError(error.message);
    throw error;
  }
});

function printSummary(file: string, settings: SeedSettings, timeZone: string, summary: SeedSummary): void {
  const days = `${settings.days} day${settings.days === 1 ? "" : "s"}`;
  console.log(
    `seeded ${file}: ${days} to ${settings.end} (${timeZone}), seed ${settings.seed}, in ${summary.seconds.toFixed(1)} s`,
  );
  for (const [table, rows] of Object.entries(summary.rows)) {
    console.log(`  ${table.padEnd(24)} ${rows.toLocaleString("en-US").padStart(12)}`);
  }
}
