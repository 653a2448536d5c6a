// Runs once when the server starts. With AUTO_ROLLBACK=on it checks the swaps now and every minute after.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readConfig } = await import("@/lib/config");
  if (!readConfig().autoRollback) return;
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
