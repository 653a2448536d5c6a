import path from "node:path";
import { readBackupKeep } from "./backup-keep";
import { ConfigError } from "../config-error";
import { checkDatabaseFile } from "./database-file";
import { readDatabaseUrl, readIngestTokens, type IngestToken } from "./fleet-settings";
import { isTimeZone, suggestTimeZone } from "../time-zone";
import { loadAgentConfig } from "./agent-config";
import { readLlmPrices } from "./llm-prices";
import { readAllowedHosts, readHost, readTrustedProxy, type TrustedProxy } from "./network-settings";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../locale";

/** Where the project lives: scripts run from it and `next start` serves from it. */
const PROJECT_ROOT = process.cwd();
export const DEMO_DATABASE_PATH = path.join(PROJECT_ROOT, "data", "demo.db");
export const BUNDLED_AGENT_CONFIG_PATH = path.join(PROJECT_ROOT, "config", "agent_llm_mapping.yaml");
export const DEFAULT_FLEET_REPLICA_DIR = path.join(PROJECT_ROOT, "data", "fleet");
export const BUNDLED_LLM_PRICES_PATH = path.join(PROJECT_ROOT, "llm-prices.yaml");

export type Config = {
  databasePath: string;
  /** DATABASE_PATH was unset: the demo file, generated when missing. */
  isDemo: boolean;
  port: number;
  /** HOST; unset, 127.0.0.1 in local single-user mode and every interface once a password protects the dashboard. */
  host: string;
  /** ALLOWED_HOSTS: host names local mode answers besides the loopback names. */
  allowedHosts: string[];
  /** TRUSTED_PROXY: the proxies whose X-Forwarded-* headers are believed; unset, none. */
  trustedProxy: TrustedProxy | undefined;
  dataTimeZone: string;
  agentConfigPath: string;
  /**
   * AGENT_CONFIG_PATH names the trading system's own file, which swaps rewrite (the bundled default is never
   * rewritten).
   */
  agentConfigIsTradingSystems: boolean;
  /** LLM_PRICES_PATH: USD per 1M tokens per model, what the swap form prices a model at (read again when edited). */
  llmPricesPath: string;
  pnlCurrency: string;
  dashboardPassword: string | undefined;
  publicDashboard: boolean;
  sessionSecret: string | undefined;
  autoRollback: boolean;
  /** BACKUP_KEEP: how many of its own backups Agent Desk keeps beside the file. */
  backupKeep: number;
  /** DEFAULT_LOCALE: the language of a first visit whose browser asks for neither Korean nor English. */
  defaultLocale: Locale;
  /** PUBLIC_URL: where operators open the desk; alert messages link to pages under it. */
  publicUrl: string;
  /** TELEGRAM_API_URL: the Bot API that Telegram alert messages are posted to. */
  telegramApiUrl: string;
  /** DATABASE_URL: the PostgreSQL store of a central desk (a fleet); unset, the desk reads DATABASE_PATH only. */
  databaseUrl: string | undefined;
  /** INGEST_TOKENS: each shipper's bearer token and the one system it may write for. */
  ingestTokens: IngestToken[];
  /** FLEET_REPLICA_DIR: where a central desk keeps each system's read replica (db/replica/); Agent Desk's own. */
  fleetReplicaDir: string;
};

type Env = Record<string, string | undefined>;

/** Reads and checks every variable of the README's "Environment"; writes nothing. Throws ConfigError with one line. */
export function readConfig(env: Env = process.env): Config {
  const given = (name: string) => (env[name] === undefined || env[name] === "" ? undefined : env[name]);

  const databasePath = path.resolve(/*turbopackIgnore: true*/ given("DATABASE_PATH") ?? DEMO_DATABASE_PATH);
  checkDatabaseFile(databasePath, "DATABASE_PATH");

  const dataTimeZone = given("DATA_TIMEZONE") ?? "Asia/Seoul";
  if (!isTimeZone(dataTimeZone)) {
    const hint = suggestTimeZone(dataTimeZone);
    throw new ConfigError(`DATA_TIMEZONE '${dataTimeZone}' is not a time zone${hint ? `; did you mean ${hint}?` : ""}`);
  }

  const agentConfigPath = path.resolve(
    /*turbopackIgnore: true*/ given("AGENT_CONFIG_PATH") ?? BUNDLED_AGENT_CONFIG_PATH,
  );
  loadAgentConfig(agentConfigPath);

  const llmPricesPath = path.resolve(/*turbopackIgnore: true*/ given("LLM_PRICES_PATH") ?? BUNDLED_LLM_PRICES_PATH);
  readLlmPrices(llmPricesPath);

  const pnlCurrency = given("PNL_CURRENCY") ?? "KRW";
  if (!/^[A-Z]{3}$/.test(pnlCurrency) || !Intl.supportedValuesOf("currency").includes(pnlCurrency)) {
    throw new ConfigError(`PNL_CURRENCY '${pnlCurrency}' is not an ISO 4217 currency code such as KRW or USD`);
  }

  const dashboardPassword = given("DASHBOARD_PASSWORD");
  if (dashboardPassword !== undefined && dashboardPassword.length < 8) {
    throw new ConfigError("DASHBOARD_PASSWORD is too short: use at least 8 characters");
  }
  const sessionSecret = given("SESSION_SECRET");
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError("SESSION_SECRET is too short: use at least 32 characters (or leave it unset)");
  }

  const host = readHost(given("HOST"), dashboardPassword !== undefined);
  const port = readPort(given("PORT"));

  return {
    databasePath,
    isDemo: given("DATABASE_PATH") === undefined,
    port,
    host,
    allowedHosts: readAllowedHosts(given("ALLOWED_HOSTS")),
    trustedProxy: readTrustedProxy(given("TRUSTED_PROXY"), host),
    dataTimeZone,
    agentConfigPath,
    agentConfigIsTradingSystems: given("AGENT_CONFIG_PATH") !== undefined,
    llmPricesPath,
    pnlCurrency,
    dashboardPassword,
    publicDashboard: readSwitch("PUBLIC_DASHBOARD", given("PUBLIC_DASHBOARD")),
    sessionSecret,
    autoRollback: readSwitch("AUTO_ROLLBACK", given("AUTO_ROLLBACK")),
    backupKeep: readBackupKeep(env),
    defaultLocale: readDefaultLocale(given("DEFAULT_LOCALE")),
    publicUrl: readBaseUrl("PUBLIC_URL", given("PUBLIC_URL") ?? `http://127.0.0.1:${port}`),
    telegramApiUrl: readTelegramApiUrl(given("TELEGRAM_API_URL") ?? "https://api.telegram.org"),
    databaseUrl: readDatabaseUrl(given("DATABASE_URL")),
    ingestTokens: readIngestTokens(given("INGEST_TOKENS")),
    fleetReplicaDir: path.resolve(/*turbopackIgnore: true*/ given("FLEET_REPLICA_DIR") ?? DEFAULT_FLEET_REPLICA_DIR),
  };
}

/** The Bot API's address: it carries the bot token, so plain http only to this machine (a test stand-in). */
function readTelegramApiUrl(value: string): string {
  const url = readBaseUrl("TELEGRAM_API_URL", value);
  if (url.startsWith("http:") && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(url))
    throw new ConfigError(`TELEGRAM_API_URL '${value}' must be https (http only to 127.0.0.1, localhost or [::1])`);
  return url;
}

/** An http(s) address that links or requests start from: no credentials, query or fragment to leak or confuse. */
function readBaseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} '${value}' is not a URL such as https://desk.example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError(`${name} '${value}' must start with http:// or https://`);
  if (url.username || url.password || url.search || url.hash)
    throw new ConfigError(`${name} '${value}' must not hold a user name, password, query or fragment`);
  return url.toString().replace(/\/$/, "");
}

function readDefaultLocale(value: string | undefined): Locale {
  if (value === undefined) return DEFAULT_LOCALE;
  if (!isLocale(value)) throw new ConfigError(`DEFAULT_LOCALE '${value}' is not one of ${LOCALES.join(", ")}`);
  return value;
}

function readPort(value: string | undefined): number {
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT '${value}' is not a port number (1 to 65535)`);
  }
  return port;
}

function readSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.toLowerCase();
  if (v === "on") return true;
  if (v === "off") return false;
  throw new ConfigError(`${name} '${value}' must be 'on' or 'off'`);
}
