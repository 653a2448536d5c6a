import { parseSeedArgs, seedFile } from "@/db/seed";
import { localDate } from "@/db/seed/wall-clock";
import { loadAgentConfig } from "@/lib/server/agent-config";
import type { Config } from "@/lib/server/config";

/** Writes the default demo dataset (90 days up to now) to the configured database file. */
export async function seedDemo(config: Config): Promise<void> {
  console.log(`creating the demo database at ${config.databasePath}…`);
  const now = new Date();
  const { rows, seconds } = await seedFile(config.databasePath, {
    ...parseSeedArgs({}, localDate(now, config.dataTimeZone)),
    timeZone: config.dataTimeZone,
    agentConfig: loadAgentConfig(config.agentConfigPath),
    now,
  });
  console.log(
    `demo data written in ${seconds.toFixed(1)} s: ${rows.trades} trades, ${rows.llm_usage_log} LLM calls, ${rows.model_evolution_history} model swaps`,
  );
}
