import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { checkDatabaseFile } from "@/lib/server/database-file";
import { readConfig } from "@/lib/server/config";
import { ConfigError } from "@/lib/config-error";
import { MigrationError } from "@/migrations/runner";
import { BackupError } from "@/db/backup";

/** Runs a command-line entry point: known failures print one line and exit 1; nothing else is swallowed. */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (
        error instanceof ConfigError ||
        error instanceof MigrationError ||
        error instanceof UsageError ||
        error instanceof BackupError
      ) {
        console.error(`error: ${error.message}`);
        process.exit(1);
      }
      throw error;
    });
}

export class UsageError extends Error {}

export function readArgs<T extends NonNullable<ParseArgsConfig["options"]>>(options: T, usage: string) {
  try {
    return parseArgs({ options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: ${usage}`);
  }
}

/** `--db PATH` when given, else DATABASE_PATH (or the demo file) from the environment; checked, not opened. */
export function databaseArg(db: string | undefined): string {
  if (db === undefined) return readConfig().databasePath;
  const file = path.resolve(db);
  checkDatabaseFile(file, "--db");
  return file;
}
