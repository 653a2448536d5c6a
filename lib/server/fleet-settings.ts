import { SYSTEM_NAME } from "../fleet/system-name";
import { ConfigError } from "../config-error";

// The central desk's two settings (README "More than one trading system"): DATABASE_URL, the PostgreSQL store, and
// INGEST_TOKENS, which binds each shipper's secret to the one system it may write for.

export type IngestToken = { system: string; secret: string };

export function readDatabaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError("DATABASE_URL is not a URL such as postgres://desk:secret@127.0.0.1:5432/agent_desk");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    throw new ConfigError(`DATABASE_URL must start with postgres:// (it starts with ${url.protocol}//)`);
  if (!url.pathname.slice(1)) throw new ConfigError("DATABASE_URL names no database (…/agent_desk at its end)");
  return value;
}

/** INGEST_TOKENS: `name:secret,name:secret`; a secret of at least 24 characters, each name and secret once. */
export function readIngestTokens(value: string | undefined): IngestToken[] {
  if (value === undefined) return [];
  const tokens = value.split(",").map((entry, i) => {
    const at = entry.indexOf(":");
    const system = entry.slice(0, at).trim();
    const secret = entry.slice(at + 1).trim();
    if (at < 0 || !SYSTEM_NAME.test(system))
      throw new ConfigError(
        `INGEST_TOKENS entry ${i + 1} must be name:secret with a name of lowercase letters, digits, _ or -`,
      );
    if (secret.length < 24 || /\s/.test(secret))
      throw new ConfigError(`INGEST_TOKENS: the secret for '${system}' is too short: use at least 24 characters`);
    return { system, secret };
  });
  const names = new Set(tokens.map((t) => t.system));
  if (names.size < tokens.length) throw new ConfigError("INGEST_TOKENS names a system twice");
  if (new Set(tokens.map((t) => t.secret)).size < tokens.length)
    throw new ConfigError("INGEST_TOKENS gives two systems the same secret");
  return tokens;
}
