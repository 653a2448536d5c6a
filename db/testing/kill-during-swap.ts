// Test helper run as a child process: records one manual swap (agent, provider gpt, model, request id from the
// arguments) against DATABASE_PATH and AGENT_CONFIG_PATH, and SIGKILLs itself before its Nth step, a database
// statement or a file operation, to prove that a swap killed at any instant leaves the config and the swap history
// agreeing once the next start has settled them. Run with --conditions=react-server (the commands are server-only).
// Not part of the product.
import fs from "node:fs";
import Database from "better-sqlite3";
import { recordSwap } from "@/db/commands/model-swaps";

const [killAt, agent, model, requestId] = process.argv.slice(2);
let steps = 0;
const tick = () => {
  if (++steps === Number(killAt)) process.kill(process.pid, "SIGKILL");
};
const counted = <T extends object>(target: T, names: string[]) => {
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  for (const name of names) {
    const original = methods[name]!;
    methods[name] = function (this: unknown, ...args: unknown[]) {
      tick();
      return original.apply(this, args);
    };
  }
};
counted(fs, [
  "openSync",
  "writeFileSync",
  "fchownSync",
  "fchmodSync",
  "fsyncSync",
  "closeSync",
  "renameSync",
  "rmSync",
]);
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, sql: string) {
  const statement = prepare.call(this, sql);
  counted(statement, ["run", "get", "all"]);
  return statement;
} as typeof prepare;

const outcome = recordSwap(
  {
    agent,
    provider: "gpt",
    model,
    reason: "killed at a step",
    expectedImprovement: "0.1",
    validationDays: "7",
    rollbackThreshold: "-0.1",
    requestId,
  },
  { name: "kill test", trigger: "manual" },
);
console.log(JSON.stringify({ steps, outcome }));
