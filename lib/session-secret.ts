import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "./config";

/** SESSION_SECRET, or one generated on first use and kept beside the database (owner-only) so restarts keep it. */
export function sessionSecret(config: Pick<Config, "sessionSecret" | "databasePath">): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(path.dirname(config.databasePath), ".agent-desk-session-secret");
  try {
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return fs.readFileSync(file, "utf8").trim();
}
