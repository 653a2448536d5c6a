/**
 * The file refused the background count's write (db/background/counting-loop.ts): read-only or full. Pages then go on
 * with what the aggregates hold (raw rows once many calls wait), and /system says what is missing.
 */
export function writeRefused(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  return code.startsWith("SQLITE_READONLY") || code === "SQLITE_BUSY" || code === "SQLITE_FULL";
}
