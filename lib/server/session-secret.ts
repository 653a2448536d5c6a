import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { syncFolder } from "./atomic-file";
import type { Config } from "./config";
import { ConfigError } from "../config-error";

/** Shorter than this, a secret can be guessed or is a file a crash left empty: anyone could sign a session with it. */
export const MIN_SECRET_BYTES = 32;

const known = new Map<string, string>(); // file → its secret, read once per process

/** Where the generated secret lives: beside the database, owner-only, so restarts keep operators signed in. */
export function sessionSecretFile(config: Pick<Config, "databasePath">): string {
  return path.join(path.dirname(config.databasePath), ".agent-desk-session-secret");
}

/**
 * SESSION_SECRET, or the one generated on first use beside the database. The file appears whole or not at all
 * (written and synced under another name, then linked into place, so a full disk or a crash cannot leave it empty,
 * and of two servers starting at once the first one's secret wins). A secret under 32 bytes from any source throws
 * a ConfigError with one line saying what to do.
 */
export function sessionSecret(config: Pick<Config, "sessionSecret" | "databasePath">): string {
  if (config.sessionSecret) return checked(config.sessionSecret, "SESSION_SECRET");
  const file = sessionSecretFile(config);
  const cached = known.get(file);
  if (cached) return cached;
  if (!fs.existsSync(file)) create(file);
  const secret = checked(fs.readFileSync(file, "utf8").trim(), file);
  known.set(file, secret);
  return secret;
}

function create(file: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const fd = fs.openSync(temporary, "wx", 0o600);
    try {
      fs.writeFileSync(fd, randomBytes(MIN_SECRET_BYTES).toString("hex"));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.linkSync(temporary, file); // never replaces a secret another process put there first
    syncFolder(path.dirname(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new ConfigError(
        `cannot create the session secret ${file}: ${(error as Error).message}; set SESSION_SECRET instead`,
      );
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function checked(secret: string, source: string): string {
  if (Buffer.byteLength(secret) >= MIN_SECRET_BYTES) return secret;
  const fix =
    source === "SESSION_SECRET"
      ? "use at least 32 random characters"
      : "delete it and a new one is generated, or set SESSION_SECRET";
  throw new ConfigError(
    `the session secret in ${source} is ${Buffer.byteLength(secret)} bytes, too short to sign sessions: ${fix}`,
  );
}
