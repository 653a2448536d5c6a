import type { Config } from "@/lib/server/config";
import { centralPool, closeCentralPools } from "@/db/central/pool";
import { migratePostgres } from "@/migrations/postgres-runner";

/** A central desk's store brought to the current schema before the server starts (nothing to do without one). */
export async function prepareCentral(config: Config, log = (line: string) => console.log(line)): Promise<void> {
  if (!config.databaseUrl) return;
  const where = new URL(config.databaseUrl);
  const client = await centralPool(config.databaseUrl)
    .connect()
    .catch((error: Error) => {
      throw new Error(`the central store at ${where.host}${where.pathname} cannot be reached: ${error.message}`);
    });
  try {
    await migratePostgres(client, { log: (line) => log(`central store: ${line}`) });
  } finally {
    client.release();
    await closeCentralPools();
  }
  if (config.ingestTokens.length === 0)
    log("note: INGEST_TOKENS is empty, so no shipper can send rows to this central desk yet");
}
