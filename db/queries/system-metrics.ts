import "server-only";
import { desc } from "drizzle-orm";
import { database } from "@/db";
import { systemMetrics, type SystemMetric } from "@/db/schema";
import type { ReadContext } from "@/lib/read-context";
import { datedWithin } from "./calendar-window";

/**
 * `get_system_metrics(days)` of the trading system's Python code: the rows of the period's calendar days, newest date
 * first.
 */
export function getSystemMetrics(ctx: ReadContext): SystemMetric[] {
  const { db } = database(ctx);
  return db
    .select()
    .from(systemMetrics)
    .where(datedWithin(systemMetrics.date, ctx.period))
    .orderBy(desc(systemMetrics.date))
    .all();
}
