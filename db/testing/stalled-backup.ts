// A backup that cannot finish, for the interrupt tests: right after it has read the file's size, another connection
// takes the file's exclusive lock and keeps it, so every step finds the file locked. Prints "stalled" by then.
import Database from "better-sqlite3";
import { backupTo } from "@/db/backup";

const [file, out] = process.argv.slice(2) as [string, string];
const db = new Database(file, { readonly: true, timeout: 0 }); // no busy wait: the signal is handled between steps
const holder = new Database(file);
void backupTo(db, out, {
  log: () => {},
  freeSpace: () => {
    holder.exec("BEGIN EXCLUSIVE");
    console.log("stalled");
    return { free: 2 ** 40, total: 2 ** 41 };
  },
});
