// The server's background work, all of it, started once at boot (from instrumentation.ts, in Node.js only):
// settling a swap a crash interrupted, the count that keeps Agent Desk's aggregates up with the trading system's
// file (pages only ever read them), the alerts measured from those aggregates every 30 s and sent, and with
// AUTO_ROLLBACK=on the check of the swaps every minute; on a central desk (DATABASE_URL), each system's read replica
// brought up to date from the central store every second, with its own count.
import { settleInterruptedSwaps } from "@/db/commands/model-swaps";
import { rollBackBreachedSwaps } from "@/db/commands/auto-rollback";
import { startAlertLoop } from "@/db/background/alert-loop";
import { startCountingLoop } from "@/db/background/counting-loop";
import { startReplicaLoop } from "@/db/background/replica-loop";
import { centralPool } from "@/db/central/pool";
import { loadAgentConfig } from "@/lib/server/agent-config";
import { readConfig } from "@/lib/server/config";

const config = readConfig();
if (!process.env.PUBLIC_URL && !["127.0.0.1", "::1"].includes(config.host))
  console.warn(
    `Agent Desk: PUBLIC_URL is not set, so links in alert messages point at ${config.publicUrl}, which a phone cannot open: set it to the address operators use`,
  );
for (const line of settleInterruptedSwaps()) console.log(`Agent Desk: ${line}`);
startCountingLoop({ file: config.databasePath, zone: config.dataTimeZone });
// A central desk given no trading file of its own has only the demo file, and no alert may measure that: alerts
// measure this desk's own file (a system's alerts come from a desk beside its trading file).
if (!(config.databaseUrl && config.isDemo))
  startAlertLoop({
    file: config.databasePath,
    zone: config.dataTimeZone,
    // The limits as the agent config says them now: the trading system's operators edit it while the desk runs.
    settings: () => ({ ...loadAgentConfig(config.agentConfigPath), autoRollback: config.autoRollback }),
    publicUrl: config.publicUrl,
    telegramApiUrl: config.telegramApiUrl,
  });
if (config.databaseUrl)
  startReplicaLoop({
    pool: centralPool(config.databaseUrl, "replicas"),
    dir: config.fleetReplicaDir,
    zone: config.dataTimeZone,
  });
if (config.autoRollback) {
  const check = () => {
    try {
      for (const outcome of rollBackBreachedSwaps()) {
        if (outcome.ok)
          console.log(`AUTO_ROLLBACK: rolled back ${outcome.agent} to ${outcome.to} (swap #${outcome.id})`);
        else console.error(`AUTO_ROLLBACK: ${outcome.error}`);
      }
    } catch (error) {
      console.error(`AUTO_ROLLBACK: the check failed: ${(error as Error).message}`);
    }
  };
  setTimeout(check, 1000);
  setInterval(check, 60_000).unref();
}
