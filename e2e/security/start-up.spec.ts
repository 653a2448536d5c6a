import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm start` refuses a session secret anyone could sign with, and says when the password would cross the network
// in clear. Run as an operator would (scripts/start.ts), over folders of its own.
const PASSWORD = "correct horse battery staple";

function folder(name: string): string {
  const dir = path.resolve("e2e", ".data", `security-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

for (const [what, secret] of [
  ["an empty", ""],
  ["a short", "0123456789abcdef\n"],
] as const) {
  test(`${what} session secret file stops start-up with one line, before anything is written`, () => {
    const dir = folder(`secret-${what.replace(" ", "-")}`);
    fs.writeFileSync(path.join(dir, ".agent-desk-session-secret"), secret);
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      encoding: "utf8",
      timeout: 20_000, // a start-up that does not refuse would serve until stopped
      env: { ...process.env, DATABASE_PATH: path.join(dir, "trading.db"), DASHBOARD_PASSWORD: PASSWORD, PORT: "3115" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^error: the session secret in .*\.agent-desk-session-secret is \d+ bytes, too short to sign sessions/,
    );
    expect(fs.readdirSync(dir)).toEqual([".agent-desk-session-secret"]); // no database, no sessions, the file as it was
    expect(fs.readFileSync(path.join(dir, ".agent-desk-session-secret"), "utf8")).toBe(secret);
  });
}

test("with a password on every interface, start-up warns that HTTP is plain and names the ways out", async () => {
  const dir = folder("plain-http");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_PATH: path.join(dir, "trading.db"), DASHBOARD_PASSWORD: PASSWORD, PORT: "3116" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 30_000 }).toContain("warning: plain HTTP on 0.0.0.0");
    expect(output).toContain("TLS reverse proxy");
    expect(output).toContain("HOST=127.0.0.1");
  } finally {
    child.kill("SIGTERM");
  }
});
