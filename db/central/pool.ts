import pg from "pg";

// The central store's connections: pools per process, URL and use, opened on first use (never at build time). Each
// use has its own, so pages never queue behind twenty shippers' batches for a connection, and the replica loop's
// long reads never hold one a batch needs.

// BIGINT columns (counts, ids, tokens) come back as numbers: every one of them is far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Who a pool serves, and how many connections it may hold. */
const SIZES = { ingest: 10, pages: 5, replicas: 2 } as const;
export type PoolUse = keyof typeof SIZES;

const pools = globalThis as typeof globalThis & { agentDeskPools?: Map<string, pg.Pool> };

export function centralPool(url: string, use: PoolUse = "ingest"): pg.Pool {
  pools.agentDeskPools ??= new Map();
  const key = `${use} ${url}`;
  let pool = pools.agentDeskPools.get(key);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: SIZES[use],
      idleTimeoutMillis: 30_000,
      application_name: `agent-desk ${use}`,
    });
    // An idle connection the server dropped (a restart) must not take the process down; the next query reconnects.
    pool.on("error", () => {});
    pools.agentDeskPools.set(key, pool);
  }
  return pool;
}

export async function closeCentralPools(): Promise<void> {
  const all = [...(pools.agentDeskPools?.values() ?? [])];
  pools.agentDeskPools?.clear();
  await Promise.all(all.map((pool) => pool.end()));
}
