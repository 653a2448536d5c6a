// Test helper run as a child process: migrates, rolls back, backfills (LLM) or catches up (trades, in Asia/Seoul)
// a file and SIGKILLs itself at the Nth database statement, to prove that work killed at any instant leaves an intact
// file. Not part of the product.
import Database from "better-sqlite3";
import { backfillLlmAggregates } from "@/db/aggregates/llm-backfill";
import { countAllNow } from "@/db/aggregates/count-all";
import { catchUpTradeAggregates } from "@/db/aggregates/trade-facts";
import { openDatabase } from "@/db/connection";
import { migrate, rollback } from "@/migrations/runner";

const [file, command, killAt] = process.argv.slice(2);
let statements = 0;
const tick = () => {
  if (++statements === Number(killAt)) process.kill(process.pid, "SIGKILL");
};
const exec = Database.prototype.exec;
Database.prototype.exec = function (this: Database.Database, sql: string) {
  tick();
  return exec.call(this, sql);
};
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, sql: string) {
  const statement = prepare.call(this, sql) as Database.Statement<unknown[]>;
  const run = statement.run.bind(statement);
  statement.run = (...args: unknown[]) => {
    tick();
    return run(...args);
  };
  return statement;
} as typeof prepare;

const db = openDatabase(file!);
const log = () => {};
const work = {
  migrate: () => migrate(db, { log }).then(() => undefined),
  rollback: () => rollback(db, { log }),
  backfill: async () => backfillLlmAggregates(db),
  trades: async () => catchUpTradeAggregates(db, "Asia/Seoul"),
  adopt: async () => countAllNow(db),
}[command as "migrate" | "rollback" | "backfill" | "trades" | "adopt"];
work().then(() => {
  db.close();
  console.log(`completed after ${statements} statements`);
});
