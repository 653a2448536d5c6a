import type Database from "better-sqlite3";

/**
 * Forgets the server's connections and configuration kept on globalThis (db/index.ts), so the next read opens the
 * file DATABASE_PATH names now: for tests that go from one file to another in one process.
 */
export function forgetServerState(): void {
  const kept = globalThis as Record<string, unknown>;
  for (const handle of (kept.agentDeskHandles as Map<string, { sqlite: Database.Database }> | undefined)?.values() ??
    [])
    handle.sqlite.close();
  for (const slot of ["agentDeskHandles", "agentDeskConfig", "agentDeskCurrentFiles"]) delete kept[slot];
}
