import type Database from "better-sqlite3";

/**
 * Forgets the server's connections and configuration kept on globalThis (db/index.ts), so the next read opens the
 * file DATABASE_PATH names now: for tests that go from one file to another in one process.
 */
export function forgetServerState(): void {
  const kept = globalThis as Record<string, unknown>;
  for (const slot of ["agentDesk", "agentDeskWriter"])
    (kept[slot] as { sqlite: Database.Database } | undefined)?.sqlite.close();
  for (const slot of ["agentDesk", "agentDeskWriter", "agentDeskConfig", "agentDeskPending", "agentDeskCurrent"])
    delete kept[slot];
}
