import "server-only";
import type pg from "pg";
import { appConfig } from "@/db/index";
import { centralPool, type PoolUse } from "./pool";

/**
 * The central desk's PostgreSQL store, through the pool of one use (`ingest`: the shippers' batches; `pages`: the
 * fleet pages, the API and the swap form), or undefined on a desk without DATABASE_URL.
 */
export function centralStore(use: PoolUse): pg.Pool | undefined {
  const url = appConfig().databaseUrl;
  return url ? centralPool(url, use) : undefined;
}
