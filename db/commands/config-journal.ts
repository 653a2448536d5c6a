import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import { createFileDurably, removeLeftoverTemps, replaceFileAtomically } from "@/lib/server/atomic-file";

// A swap replaces the trading system's config inside its database transaction, so a process killed between the
// rename and the commit would leave the config changed with no swap recorded. Before the rename the swap leaves a
// journal beside the config (which swap row it belongs to, the text before and after), and removes it after the
// commit. Whoever next holds the database's write lock (the server starting, the next swap, a swap whose commit
// failed) settles every journal it finds: a committed swap keeps its config; for one that never committed the text
// before is put back. Every config write happens under that lock, so no journal is settled while its swap still runs.

type Db = BetterSQLite3Database<typeof schema>;
export type JournalEntry = { evolutionId: number; timestamp: string; agent: string; before: string; after: string };

/** Leaves the journal of a change to `configFile` (its real path), flushed to disk; returns the journal's path. */
export function journalConfigChange(configFile: string, entry: JournalEntry): string {
  const journal = path.join(
    path.dirname(configFile),
    `${journalPrefix(configFile)}${randomBytes(6).toString("hex")}.journal`,
  );
  createFileDurably(journal, JSON.stringify(entry), configFile); // as private as the config, whose text it holds
  return journal;
}

/**
 * Settles the journals (and a killed writer's temporary files) beside the config; returns what it put back, for the
 * log.
 */
export function settleConfigJournals(db: Db, configPath: string): string[] {
  let configFile: string;
  try {
    configFile = fs.realpathSync(configPath);
  } catch {
    return []; // no config, nothing to put back: a swap then says the config was not changed
  }
  removeLeftoverTemps(configFile);
  const dir = path.dirname(configFile);
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(journalPrefix(configFile)) && name.endsWith(".journal"))
    .flatMap((name) => settle(db, configFile, path.join(dir, name)));
}

function settle(db: Db, configFile: string, journal: string): string[] {
  const entry = readJournal(journal);
  const done = entry && !committed(db, entry) ? putBack(configFile, entry) : [];
  fs.rmSync(journal, { force: true });
  return done;
}

function putBack(configFile: string, entry: JournalEntry): string[] {
  const name = path.basename(configFile);
  const now = fs.readFileSync(configFile, "utf8");
  if (now === entry.before) return [];
  if (now !== entry.after)
    return [`${name} was edited after a swap of ${entry.agent} failed to be recorded; it is left as it is`];
  replaceFileAtomically(configFile, entry.before);
  return [`put ${name} back as it was before a swap of ${entry.agent} that was never recorded`];
}

/** A journal cut short was being written before the config was touched: there is nothing to put back. */
function readJournal(journal: string): JournalEntry | null {
  try {
    return JSON.parse(fs.readFileSync(journal, "utf8")) as JournalEntry;
  } catch {
    return null;
  }
}

/** The swap's two rows are there, with its time and agent: the id of a row never committed is given to the next one. */
function committed(db: Db, entry: JournalEntry): boolean {
  const { agentDeskSwapAudit: audit, modelEvolutionHistory: history } = schema;
  const row = db
    .select({ id: audit.evolutionId })
    .from(audit)
    .innerJoin(history, eq(history.id, audit.evolutionId))
    .where(
      and(
        eq(audit.evolutionId, entry.evolutionId),
        eq(history.timestamp, entry.timestamp),
        eq(history.agentName, entry.agent),
      ),
    )
    .get();
  return row !== undefined;
}

function journalPrefix(configFile: string): string {
  return `.${path.basename(configFile)}.swap-`;
}
