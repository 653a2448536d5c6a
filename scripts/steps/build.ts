import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const HASH_FILE = path.join(ROOT, ".next", "agent-desk-source-hash");
// Everything the server bundle holds: the migrations come in with the background count, which applies them.
// build.test.ts fails when a top-level file Next compiles, or a folder the bundled code imports from, is missing.
const SOURCE_DIRS = ["app", "components", "db", "lib", "migrations", "public", "i18n", "messages"];
const SOURCE_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.mjs",
  "tsconfig.json",
  "postcss.config.mjs",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "proxy.ts",
];

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
  for (const file of buildInputs())
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(ROOT, file)))
      .update("\0");
  return hash.digest("hex");
}

/** The files a build is made from (tests aside), relative to `root`, sorted: a change to any of them rebuilds. */
export function buildInputs(root = ROOT): string[] {
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => listFiles(path.join(root, dir))),
    ...SOURCE_FILES.map((f) => path.join(root, f)),
  ];
  return files
    .filter((f) => fs.existsSync(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.relative(root, f))
    .sort();
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
