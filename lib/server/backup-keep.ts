import { ConfigError } from "../config-error";

export const DEFAULT_BACKUP_KEEP = 10;

/**
 * BACKUP_KEEP: how many of Agent Desk's own backups stay in `backups/` beside the file; each new backup deletes
 * the older ones past that number. Throws ConfigError with one line on a bad value.
 */
export function readBackupKeep(env: Record<string, string | undefined> = process.env): number {
  const value = env.BACKUP_KEEP;
  if (value === undefined || value === "") return DEFAULT_BACKUP_KEEP;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new ConfigError(
      `BACKUP_KEEP '${value}' is not a number of backups to keep (a whole number, 1 or more; default ${DEFAULT_BACKUP_KEEP})`,
    );
  }
  return Number(value);
}
