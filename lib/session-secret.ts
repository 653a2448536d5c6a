import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config";

const generated = new Map<string, string>(); // file → its secret, read once per process

/** SESSION_SECRET, or one generated on first use and kept beside the database (owner-only) so restarts keep it. */
export function sessionSecret(config: Pick<Config, "sessionSecret" | "databasePath">): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(path.dirname(config.databasePath), ".agent-desk-session-secret");
  const known = generated.get(file);
  if (known) return known;
  try {
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  generated.set(file, secret);
  return secret;
}
