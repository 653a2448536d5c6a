// The server's background work, all of it, starts here once at boot: settling a swap a crash interrupted, the
// count that keeps Agent Desk's aggregates up with the trading system's file (pages only ever read them), and with
// AUTO_ROLLBACK=on the check of the swaps every minute.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readConfig } = await import("@/lib/config");
  const config = readConfig();
  const { settleInterruptedSwaps } = await import("@/db/commands/model-swaps");
  for (const line of settleInterruptedSwaps()) console.log(`Agent Desk: ${line}`);
  const { startCountingLoop } = await import("@/db/background/counting-loop");
  startCountingLoop({ file: config.databasePath, zone: config.dataTimeZone });
  if (config.autoRollback) startAutoRollback();
}

async function startAutoRollback() {
  const { rollBackBreachedSwaps } = await import("@/db/commands/auto-rollback");
  const check = () => {
    try {
      for (const outcome of rollBackBreachedSwaps()) {
        if (outcome.ok) console.log(`AUTO_ROLLBACK: rolled back ${outcome.agent} to ${outcome.to} (swap #${outcome.id})`);
        else console.error(`AUTO_ROLLBACK: ${outcome.error}`);
      }
    } catch (error) {
      console.error(`AUTO_ROLLBACK: the check failed: ${(error as Error).message}`);
    }
  };
  setTimeout(check, 1000);
  setInterval(check, 60_000).unref();
}
