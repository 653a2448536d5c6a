// Test helper run as a child process: migrates (or rolls back) a file and SIGKILLs itself at the Nth database
// statement, to prove that a migration killed at any instant leaves an intact file. Not part of the product.
import Database from "better-sqlite3";
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
(command === "rollback" ? rollback(db, { log }) : migrate(db, { log }).then(() => undefined)).then(() => {
  db.close();
  console.log(`completed after ${statements} statements`);
});
