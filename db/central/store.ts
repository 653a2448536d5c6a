import "server-only";
import type pg from "pg";
import { appConfig } from "@/db/index";
import { centralPool } from "./pool";

/** The central desk's PostgreSQL store, or undefined on a desk without DATABASE_URL. */
export function centralStore(): pg.Pool | undefined {
  const url = appConfig().databaseUrl;
  return url ? centralPool(url) : undefined;
}
