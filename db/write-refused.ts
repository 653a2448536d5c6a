/**
 * The file refused an Agent Desk write that a read wanted first (counting new calls or trades): read-only, full, or
 * locked past the busy timeout. Reads then go on with what the aggregates hold, and /system says what is missing.
 */
export function writeRefused(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  return code.startsWith("SQLITE_READONLY") || code === "SQLITE_BUSY" || code === "SQLITE_FULL";
}
