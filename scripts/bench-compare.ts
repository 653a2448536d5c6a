// npm run bench:compare -- REV [ROUNDS]: this checkout's page times against another revision's, both served at once
// by their production builds over copies of the same file, requests alternating between them. Two runs at different
// times differ by more than a change does on a 2-core machine; side by side, both see the same load. The 1M-call
// dataset of `npm run bench` is used (made by it when missing: `BENCH_SIZES=1000000 npm run bench`).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/connection";
import { readMigrations } from "@/migrations/migration-files";
import { rollback } from "@/migrations/runner";
import { BENCH_PAGES as PAGES } from "./steps/bench-pages";
import { buildIfNeeded } from "./steps/build";

const [rev, roundsText] = process.argv.slice(2);
const ROUNDS = Number(roundsText ?? 40);
const DIR = path.resolve(".bench");
const DATASET = path.join(DIR, "llm-1000000-trades-100000.db");
// The earlier build answers in its language; this one in both, each timed on its own.
const TARGETS = [
  { name: "before", port: 3201, language: "en-US" },
  { name: "after, en", port: 3202, language: "en-US" },
  { name: "after, ko", port: 3202, language: "ko-KR" },
];

/**
 * A worktree of `rev` with this checkout's packages and its own production build, outside the repository (inside,
 * the test runner and the linters would take its files for this checkout's).
 */
function checkout(revision: string): string {
  const dir = path.join(os.tmpdir(), `agent-desk-compare-${revision.replace(/[^\w.-]/g, "_")}`);
  if (!fs.existsSync(dir)) {
    execFileSync("git", ["worktree", "prune"]); // one whose folder the system's cleaner removed
    execFileSync("git", ["worktree", "add", "--detach", dir, revision], { stdio: "inherit" });
    execFileSync("cp", ["-a", "node_modules", dir]); // a copy: Next.js refuses packages outside its root
  }
  execFileSync(process.execPath, ["--import", "tsx", "-e", 'require("./scripts/steps/build.ts").buildIfNeeded()'], {
    cwd: dir,
    stdio: "inherit",
  });
  return dir;
}

function serve(root: string, file: string, port: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: file },
  });
}

/**
 * The earlier revision refuses a file with migrations it does not know (the dataset is kept at this checkout's
 * schema): its copy is rolled back, with this checkout's migrations, to the earlier revision's last one.
 */
async function undoMigrationsUnknownTo(root: string, file: string): Promise<void> {
  const known = new Set(readMigrations(path.join(root, "migrations")).map((m) => m.name));
  const unknown = readMigrations().filter((m) => !known.has(m.name));
  const db = openDatabase(file);
  try {
    for (let i = 0; i < unknown.length; i++) await rollback(db, { log: () => {} });
  } finally {
    db.close();
  }
  fs.rmSync(path.join(DIR, "backups"), { recursive: true, force: true }); // the rollbacks' own backups
}

async function ready(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on port ${port} never answered`);
}

async function timed(port: number, page: string, language: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${page}`, { headers: { "accept-language": language } });
  await response.text();
  if (!response.ok) throw new Error(`${page} answered ${response.status} on port ${port}`);
  return performance.now() - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};
const geometricMean = (values: number[]) => Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

async function main() {
  if (!rev) throw new Error("usage: npm run bench:compare -- REV [ROUNDS] (REV: a commit, a branch, a tag)");
  if (!fs.existsSync(DATASET)) throw new Error(`no ${DATASET}: run BENCH_SIZES=1000000 npm run bench first`);
  buildIfNeeded();
  const before = checkout(rev);
  const files = ["before", "after"].map((side) => path.join(DIR, `compare-${side}.db`));
  for (const file of files) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    fs.copyFileSync(DATASET, file);
  }
  await undoMigrationsUnknownTo(before, files[0]!);
  const servers = [serve(before, files[0]!, 3201), serve(process.cwd(), files[1]!, 3202)];
  try {
    await Promise.all([ready(3201), ready(3202)]);
    for (const page of PAGES)
      for (const t of TARGETS) for (let i = 0; i < 3; i++) await timed(t.port, page, t.language);
    const times = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++)
      for (const page of PAGES)
        for (let k = 0; k < TARGETS.length; k++) {
          const target = TARGETS[(k + round) % TARGETS.length]!; // each side goes first in turn
          const key = `${page} ${target.name}`;
          times.set(key, [...(times.get(key) ?? []), await timed(target.port, page, target.language)]);
        }
    const ratios = { en: [] as number[], ko: [] as number[] };
    console.log(`Against ${rev}, ${ROUNDS} rounds, median ms:\n`);
    console.log("| path | before | after, en | after, ko | en / before | ko / before |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const page of PAGES) {
      const [b, en, ko] = TARGETS.map((t) => median(times.get(`${page} ${t.name}`)!)) as [number, number, number];
      ratios.en.push(en / b);
      ratios.ko.push(ko / b);
      const cells = [b, en, ko].map((v) => v.toFixed(1));
      console.log(`| \`${page}\` | ${cells.join(" | ")} | ${(en / b).toFixed(2)} | ${(ko / b).toFixed(2)} |`);
    }
    console.log(
      `\nGeometric mean of the ratios: en ${geometricMean(ratios.en).toFixed(2)}, ko ${geometricMean(ratios.ko).toFixed(2)}`,
    );
  } finally {
    for (const server of servers) server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
