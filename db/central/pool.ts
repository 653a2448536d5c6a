import pg from "pg";

// The central store's connections: one pool per process and URL, opened on first use (never at build time).

// BIGINT columns (counts, ids, tokens) come back as numbers: every one of them is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const pools = globalThis as typeof globalThis & { agentDeskPools?: Map<string, pg.Pool> };

export function centralPool(url: string): pg.Pool {
  pools.agentDeskPools ??= new Map();
  let pool = pools.agentDeskPools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, application_name: "agent-desk" });
    // An idle connection the server dropped (a restart) must not take the process down; the next query reconnects.
    pool.on("error", () => {});
    pools.agentDeskPools.set(url, pool);
  }
  return pool;
}

export async function closeCentralPools(): Promise<void> {
  const all = [...(pools.agentDeskPools?.values() ?? [])];
  pools.agentDeskPools?.clear();
  await Promise.all(all.map((pool) => pool.end()));
}
