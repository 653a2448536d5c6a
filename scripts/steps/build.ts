import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const HASH_FILE = path.join(ROOT, ".next", "agent-desk-source-hash");
// Everything the server bundle holds: the migrations come in with the background count, which applies them.
const SOURCE_DIRS = ["app", "components", "db", "lib", "migrations", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.mjs", "tsconfig.json", "postcss.config.mjs", "instrumentation.ts", "instrumentation-node.ts", "proxy.ts"];

/** Runs `next build` unless `.next` already holds a build of exactly these sources. */
export function buildIfNeeded(log: (line: string) => void = console.log): void {
  const hash = sourceHash();
  if (fs.existsSync(HASH_FILE) && fs.readFileSync(HASH_FILE, "utf8") === hash) return;
  log("building the dashboard (first start or changed sources)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(HASH_FILE, hash);
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap((dir) => listFiles(path.join(ROOT, dir))), ...SOURCE_FILES.map((f) => path.join(ROOT, f))];
  for (const file of files.filter((f) => fs.existsSync(f) && !/\.test\.tsx?$/.test(f)).sort()) {
    hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
