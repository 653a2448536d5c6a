import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Observation, RuleParams } from "@/lib/alerts/rules";

/**
 * The database file as the filesystem shows it, never opened (it may be gone): missing, marked read-only (mode
 * bits, as db/index.ts databaseProblem reads them: as root every file is writable), or on a disk with less than
 * `minFreePercent` free for unprivileged writers.
 */
export function measureDatabaseFile(params: RuleParams<"database">, databasePath: string): Observation[] {
  const stat = statOf(databasePath);
  const freePercent = freePercentOf(path.dirname(databasePath));
  const problem = !stat
    ? "missing"
    : (stat.mode & 0o222) === 0
      ? "read-only"
      : freePercent !== null && freePercent < params.minFreePercent
        ? "disk-full"
        : null;
  return [
    {
      instance: "",
      firing: problem !== null,
      value: freePercent,
      threshold: params.minFreePercent,
      facts: { problem, freePercent, path: "/system" },
    },
  ];
}

function statOf(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** Free space on the folder's disk as a percentage of its size, null when the folder is gone too. */
function freePercentOf(folder: string): number | null {
  try {
    const disk = fs.statfsSync(folder);
    return disk.blocks > 0 ? (disk.bavail / disk.blocks) * 100 : null;
  } catch {
    return null;
  }
}
