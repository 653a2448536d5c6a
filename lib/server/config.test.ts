import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileSha, makeUpstreamDb, tempDir } from "@/db/testing/upstream-file";
import { readConfig } from "./config";

describe("readConfig", () => {
  it("has the README's defaults", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      isDemo: true,
      port: 3000,
      host: "127.0.0.1",
      dataTimeZone: "Asia/Seoul",
      pnlCurrency: "KRW",
      defaultLocale: "ko",
      publicUrl: "http://127.0.0.1:3000",
      telegramApiUrl: "https://api.telegram.org",
    });
    expect(readConfig({ PORT: "8080", PUBLIC_URL: "https://desk.example.com/desk/" }).publicUrl).toBe(
      "https://desk.example.com/desk",
    );
    expect(config.databasePath).toMatch(/data\/demo\.db$/);
    expect(config.agentConfigPath).toMatch(/config\/agent_llm_mapping\.yaml$/);
  });

  it("listens on every interface only once a password protects the dashboard", () => {
    expect(readConfig({ DASHBOARD_PASSWORD: "correct horse" }).host).toBe("0.0.0.0");
  });

  const rejects: [string, Record<string, string>, RegExp][] = [
    [
      "an unknown time zone, with a hint",
      { DATA_TIMEZONE: "Asia/Seol" },
      /^DATA_TIMEZONE 'Asia\/Seol' is not a time zone; did you mean Asia\/Seoul\?$/,
    ],
    ["a negative port", { PORT: "-1" }, /^PORT '-1' is not a port number/],
    ["a port too high", { PORT: "70000" }, /^PORT '70000'/],
    ["a currency that is not one", { PNL_CURRENCY: "WON" }, /^PNL_CURRENCY 'WON'/],
    ["a switch that is not on/off", { AUTO_ROLLBACK: "yes" }, /^AUTO_ROLLBACK 'yes' must be 'on' or 'off'$/],
    ["a short password", { DASHBOARD_PASSWORD: "abc" }, /^DASHBOARD_PASSWORD is too short/],
    [
      "a link address that is no URL",
      { PUBLIC_URL: "desk.example.com" },
      /^PUBLIC_URL 'desk.example.com' is not a URL/,
    ],
    ["a link address of another scheme", { PUBLIC_URL: "javascript:alert(1)" }, /^PUBLIC_URL .* must start with http/],
    [
      "a Telegram API address with credentials",
      { TELEGRAM_API_URL: "https://user:pw@proxy.example" },
      /^TELEGRAM_API_URL .* must not hold a user name, password, query or fragment$/,
    ],
    [
      "a Telegram API address over plain http to another host",
      { TELEGRAM_API_URL: "http://proxy.example" },
      /^TELEGRAM_API_URL 'http:\/\/proxy.example' must be https/,
    ],
    ["a language the desk does not speak", { DEFAULT_LOCALE: "ja" }, /^DEFAULT_LOCALE 'ja' is not one of ko, en$/],
    [
      "a missing agent config",
      { AGENT_CONFIG_PATH: "/nope/agents.yaml" },
      /^AGENT_CONFIG_PATH '\/nope\/agents.yaml' does not exist$/,
    ],
    [
      "a database URL that is not PostgreSQL",
      { DATABASE_URL: "mysql://desk@db/agent_desk" },
      /^DATABASE_URL must start with postgres:\/\//,
    ],
    [
      "a database URL without a database",
      { DATABASE_URL: "postgres://desk@db:5432" },
      /^DATABASE_URL names no database/,
    ],
    [
      "an ingest token too short",
      { INGEST_TOKENS: "alpha:short" },
      /^INGEST_TOKENS: the secret for 'alpha' is too short/,
    ],
    [
      "an ingest token without a usable name",
      { INGEST_TOKENS: "Alpha:0123456789abcdef01234567" },
      /^INGEST_TOKENS entry 1 must be name:secret/,
    ],
    [
      "a system given two tokens",
      { INGEST_TOKENS: "alpha:0123456789abcdef01234567,alpha:76543210fedcba9876543210" },
      /^INGEST_TOKENS names a system twice$/,
    ],
    [
      "two systems sharing a token",
      { INGEST_TOKENS: "alpha:0123456789abcdef01234567,beta:0123456789abcdef01234567" },
      /^INGEST_TOKENS gives two systems the same secret$/,
    ],
  ];
  for (const [what, env, message] of rejects) {
    it(`rejects ${what} in one line`, () => {
      expect(() => readConfig(env)).toThrow(message);
    });
  }

  it("rejects an agent config that is not the trading system's mapping", () => {
    const file = path.join(tempDir(), "agents.yaml");
    fs.writeFileSync(file, "agents:\n  cio:\n    provider: openai\n    model: gpt-5\n");
    expect(() => readConfig({ AGENT_CONFIG_PATH: file })).toThrow(/agents\.cio\.provider/);
  });
});

describe("a bad DATABASE_PATH stops start-up with one line and leaves the file untouched", () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      encoding: "utf8",
      env: { ...process.env, ...env },
    });

  function expectRefused(env: Record<string, string>, file: string, message: RegExp) {
    const before = fs.statSync(file);
    const sha = before.isFile() ? fileSha(file) : null;
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    const after = fs.statSync(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    if (sha) expect(fileSha(file)).toBe(sha);
    expect(fs.existsSync(path.join(path.dirname(file), "backups"))).toBe(false);
  }

  it("a text file", () => {
    const file = path.join(tempDir(), "notes.txt");
    fs.writeFileSync(file, "these are not the trades you are looking for\n");
    expectRefused({ DATABASE_PATH: file }, file, /^error: DATABASE_PATH '.*notes\.txt' is not a SQLite database/);
  });

  it("a directory", () => {
    const dir = tempDir();
    expectRefused(
      { DATABASE_PATH: dir },
      dir,
      /^error: DATABASE_PATH '.*' is a directory; it must name a SQLite file$/,
    );
  });

  it("a read-only file", () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "1"]);
    fs.chmodSync(file, 0o444);
    expectRefused({ DATABASE_PATH: file }, file, /^error: DATABASE_PATH '.*t\.db' is read-only/);
  });

  it("an unknown DATA_TIMEZONE", () => {
    const file = makeUpstreamDb(path.join(tempDir(), "t.db"), ["--days", "1"]);
    expectRefused(
      { DATABASE_PATH: file, DATA_TIMEZONE: "Mars/Olympus" },
      file,
      /^error: DATA_TIMEZONE 'Mars\/Olympus' is not a time zone$/,
    );
  });
});
